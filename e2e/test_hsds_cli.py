"""HSDS 3.0 import and export as an operator runs them, checked against the HSDS JSON schema
(jsonschema, Draft 7, with format checks)."""
import json
import pathlib

import jsonschema

from test_cli import count, data_dir, run  # noqa: F401 (data_dir is a fixture)

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "hsds_3.0"
SCHEMA = json.loads((FIXTURES / "schema" / "compiled" / "service_with_definitions.json").read_text())


def schema_errors(services):
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    return [(s.get("id"), e.message) for s in services for e in validator.iter_errors(s)]


def test_example_data_imports_exports_valid_and_imports_again(data_dir, tmp_path):
    result = run(data_dir, "import", "hsds", str(FIXTURES / "examples"))
    assert result.returncode == 0, result.stderr
    assert "1 diensten toegevoegd" in result.stdout
    out = tmp_path / "export"
    result = run(data_dir, "export", "hsds", "--format", "json", str(out))
    assert result.returncode == 0, result.stderr
    exported = json.loads((out / "services.json").read_text())
    assert schema_errors(exported) == []
    original = json.loads((FIXTURES / "examples" / "service_full.json").read_text())
    assert exported == [original], "every field survives import and export"
    again = run(data_dir, "import", "hsds", str(out / "services.json"))
    assert again.returncode == 0, again.stderr
    assert "0 diensten toegevoegd, 1 bijgewerkt" in again.stdout
    assert count(data_dir, "map_services") == 1


def test_an_invalid_record_is_named_and_nothing_is_written_unless_asked(data_dir, tmp_path):
    original = json.loads((FIXTURES / "examples" / "service_full.json").read_text())
    broken = dict(original, id="b7a2f5d4-0000-4000-8000-000000000001", status="open")
    del broken["name"]
    mixed = tmp_path / "mixed.json"
    mixed.write_text(json.dumps([original, broken]), encoding="utf-8")
    result = run(data_dir, "import", "hsds", str(mixed))
    assert result.returncode != 0
    assert "dienst b7a2f5d4-0000-4000-8000-000000000001:" in result.stderr
    assert "status moet active, inactive, defunct of temporarily closed zijn" in result.stderr
    assert "er is niets geïmporteerd" in result.stderr
    assert count(data_dir, "map_services") == 0
    result = run(data_dir, "import", "hsds", "--valid-only", str(mixed))
    assert result.returncode == 0, result.stderr
    assert "1 diensten toegevoegd, 0 bijgewerkt, 1 afgekeurd." in result.stdout
    assert count(data_dir, "map_services") == 1
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{ dit is geen json", encoding="utf-8")
    result = run(data_dir, "import", "hsds", str(garbage))
    assert result.returncode != 0 and "garbage.json is geen geldige JSON." in result.stderr


def test_the_demo_map_exports_valid_hsds(data_dir, tmp_path):
    assert run(data_dir, "demo", "--residents", "50", "--no-rounds").returncode == 0
    out = tmp_path / "export"
    assert run(data_dir, "export", "hsds", str(out)).returncode == 0
    exported = json.loads((out / "services.json").read_text())
    assert len(exported) == 22
    assert schema_errors(exported) == []


def test_tabular_example_imports_and_round_trips_through_csv(data_dir, tmp_path):
    result = run(data_dir, "import", "hsds", str(FIXTURES / "examples" / "csv"))
    assert result.returncode == 0, result.stderr
    first = tmp_path / "first"
    assert run(data_dir, "export", "hsds", "--format", "json", str(first / "json")).returncode == 0
    result = run(data_dir, "export", "hsds", "--format", "csv", str(first / "csv"))
    assert result.returncode == 0, result.stderr
    assert (first / "csv" / "datapackage.json").exists() and (first / "csv" / "services.csv").exists()
    services = json.loads((first / "json" / "services.json").read_text())
    assert schema_errors(services) == []
    # The exported tables, imported into an empty database, give the same services.
    other = tmp_path / "other-data"
    result = run(other, "import", "hsds", str(first / "csv"))
    assert result.returncode == 0, result.stderr
    assert run(other, "export", "hsds", str(tmp_path / "second")).returncode == 0
    assert json.loads((tmp_path / "second" / "services.json").read_text()) == services
