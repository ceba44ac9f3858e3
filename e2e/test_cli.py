"""The operator commands, run as a real process on a fresh SQLite database each."""
import os
import signal
import sqlite3
import subprocess
import time

import pytest

BIN = os.environ.get("SCHAKEL_BIN", ".build/debug/schakel")


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


def run(data_dir, *args, **kwargs):
    env = dict(os.environ, SCHAKEL_DATA_DIR=str(data_dir), SCHAKEL_BCRYPT_COST="4", SWIFT_BACKTRACE="enable=no")
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=300, **kwargs)


def count(data_dir, table):
    with sqlite3.connect(data_dir / "schakel.sqlite") as db:
        return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_first_admin_account_on_an_empty_database(data_dir):
    created = run(data_dir, "user", "create", "--username", "beheer", "--role", "admin", "--password", "een-lang-wachtwoord")
    assert created.returncode == 0, created.stderr
    assert "Gebruiker beheer (admin) aangemaakt." in created.stdout
    again = run(data_dir, "user", "create", "--username", "beheer", "--role", "admin", "--password", "een-lang-wachtwoord")
    assert again.returncode != 0
    assert "Deze gebruikersnaam is al in gebruik." in again.stderr
    weak = run(data_dir, "user", "create", "--username", "ander", "--role", "koning", "--password", "kort")
    assert weak.returncode != 0
    assert "--role" in weak.stderr


def test_address_import_reports_rejected_lines_and_writes_nothing(data_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("postcode;huisnummer;straat;plaats\n3822AB;1;Elly Takmastraat;Amersfoort\n1234SA;2;Elly Takmastraat;Amersfoort\n3822AB;0;Elly Takmastraat;Amersfoort\n", encoding="utf-8")
    result = run(data_dir, "import", "addresses", str(bad))
    assert result.returncode != 0
    assert "regel 3: Postcode bestaat niet: SA, SD en SS worden niet gebruikt" in result.stderr
    assert "regel 4: Huisnummer moet tussen 1 en 99999 liggen" in result.stderr
    assert "2 regels afgekeurd; er is niets geïmporteerd." in result.stderr
    assert count(data_dir, "addresses") == 0
    good = tmp_path / "good.csv"
    good.write_text("postcode,huisnummer,straat,plaats\n3822AB,1,Elly Takmastraat,Amersfoort\n", encoding="utf-8")
    result = run(data_dir, "import", "addresses", str(good))
    assert result.returncode == 0, result.stderr
    assert count(data_dir, "addresses") == 1


def test_killing_an_import_leaves_the_database_as_it_was(data_dir, tmp_path):
    seed = tmp_path / "seed.csv"
    seed.write_text("postcode,huisnummer,straat,plaats\n3822AB,1,Elly Takmastraat,Amersfoort\n", encoding="utf-8")
    assert run(data_dir, "import", "addresses", str(seed)).returncode == 0
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write("postcode,huisnummer,straat,plaats\n")
        for n in range(1, 150_001):
            out.write(f"38{22 + n // 99_999}AC,{n % 99_999 + 1},Het Gein,Amersfoort\n")
    env = dict(os.environ, SCHAKEL_DATA_DIR=str(data_dir), SWIFT_BACKTRACE="enable=no")
    process = subprocess.Popen([BIN, "import", "addresses", str(big)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    # Kill it in the middle of the write transaction: after the first progress line.
    deadline = time.time() + 240
    killed_while_writing = False
    for line in process.stdout:
        if "verwerkt" in line:
            process.send_signal(signal.SIGKILL)
            killed_while_writing = True
            break
        if time.time() > deadline:
            break
    process.wait(timeout=60)
    assert killed_while_writing, "the import finished or never started writing"
    assert count(data_dir, "addresses") == 1
    verify = run(data_dir, "audit", "verify")
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_audit_verify_names_the_first_altered_entry(data_dir):
    assert run(data_dir, "user", "create", "--username", "beheer", "--role", "admin", "--password", "een-lang-wachtwoord").returncode == 0
    assert run(data_dir, "user", "create", "--username", "tweede", "--role", "policy", "--password", "een-lang-wachtwoord").returncode == 0
    intact = run(data_dir, "audit", "verify")
    assert intact.returncode == 0
    assert "Toegangslog in orde: 2 regels" in intact.stdout
    with sqlite3.connect(data_dir / "schakel.sqlite") as db:
        db.execute("UPDATE audit_entries SET event = 'user.delete' WHERE sequence = 1")
    broken = run(data_dir, "audit", "verify")
    assert broken.returncode != 0
    assert "GEBROKEN bij regel 1" in broken.stderr


def test_audit_anchor_catches_a_cut_tail_that_the_chain_alone_cannot(data_dir, tmp_path):
    for name in ("beheer", "tweede", "derde"):
        assert run(data_dir, "user", "create", "--username", name, "--role", "policy", "--password", "een-lang-wachtwoord").returncode == 0
    assert (data_dir / "audit.key").exists()
    assert oct((data_dir / "audit.key").stat().st_mode & 0o777) == "0o600"
    anchors = tmp_path / "anchors.txt"
    anchored = run(data_dir, "audit", "anchor", "--file", str(anchors))
    assert anchored.returncode == 0, anchored.stderr
    assert anchored.stdout.split()[0] == "3"
    assert anchors.read_text(encoding="utf-8").split()[0] == "3"
    assert run(data_dir, "audit", "verify", "--anchor", str(anchors)).returncode == 0
    with sqlite3.connect(data_dir / "schakel.sqlite") as db:
        second = db.execute("SELECT hash FROM audit_entries WHERE sequence = 2").fetchone()[0]
        db.execute("DELETE FROM audit_entries WHERE sequence = 3")
        db.execute("UPDATE audit_head SET sequence = 2, hash = ? WHERE id = 1", (second,))
    assert run(data_dir, "audit", "verify").returncode == 0
    cut = run(data_dir, "audit", "verify", "--anchor", str(anchors))
    assert cut.returncode != 0
    assert "GEBROKEN bij regel 3: is geankerd, maar staat niet meer in het log" in cut.stderr
    with sqlite3.connect(data_dir / "schakel.sqlite") as db:
        db.execute("UPDATE audit_entries SET at_ms = 'gisteren' WHERE sequence = 2")
    garbage = run(data_dir, "audit", "verify")
    assert garbage.returncode != 0
    assert "GEBROKEN bij regel 2: bevat een waarde die niet te lezen is" in garbage.stderr


def test_a_bad_configuration_lists_every_problem(data_dir):
    env = dict(os.environ, SCHAKEL_DATA_DIR=str(data_dir), SCHAKEL_BCRYPT_COST="99", SCHAKEL_AUTO_MIGRATE="misschien", DATABASE_URL="mysql://x")
    result = subprocess.run([BIN, "migrate"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "DATABASE_URL moet met postgres:// beginnen" in result.stderr
    assert "SCHAKEL_BCRYPT_COST" in result.stderr
    assert "SCHAKEL_AUTO_MIGRATE" in result.stderr


def test_neighbourhood_import_takes_the_cbs_list(data_dir, tmp_path):
    good = tmp_path / "cbs.csv"
    good.write_text("niveau,code,naam,gemeentecode,gemeentenaam,wijkcode,wijknaam,jaar\n"
                    "gemeente,GM0307,Amersfoort,GM0307,Amersfoort,,,2025\n"
                    "buurt,BU03070900,Elly Takmastraat e.o.,GM0307,Amersfoort,WK030709,Schothorst-Noord,2025\n", encoding="utf-8")
    result = run(data_dir, "import", "neighbourhoods", str(good))
    assert result.returncode == 0, result.stderr
    assert "Klaar: 2 gebieden toegevoegd, 0 waren al bekend." in result.stdout
    again = run(data_dir, "import", "neighbourhoods", str(good))
    assert "0 gebieden toegevoegd, 2 waren al bekend." in again.stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("code,naam,jaar\nGM0307,Amersfoort,2025\nXX12,Nergens,2025\nWK030709,Schothorst-Noord,volgend jaar\n", encoding="utf-8")
    result = run(data_dir, "import", "neighbourhoods", str(bad))
    assert result.returncode != 0
    assert "regel 3:" in result.stderr and "regel 4: jaar is geen getal" in result.stderr
    assert count(data_dir, "neighbourhoods") == 2
