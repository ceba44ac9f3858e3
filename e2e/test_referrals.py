"""Warm handovers in a real browser: a social worker refers a resident from a signal, the partner accepts it on a
phone and logs first contact, the concierge who raised the signal sees that it was picked up, and the service
page counts the referral. And the deadline job run by two processes at once escalates each referral once, on
SQLite and, when `SCHAKEL_E2E_POSTGRES` is set (scripts/test sets it), on PostgreSQL."""
import os
import re
import sqlite3
import subprocess
import uuid
from datetime import date, timedelta

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import login, submit_and_wait

BIN = os.environ.get("SCHAKEL_BIN", ".build/debug/schakel")
SERVICE = "GGZ-inloop en crisisdienst"


def submit(driver, form_selector):
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]"))


def step_form(event):
    return f"form.step:has(input[name=event][value={event}])"


def referral_count(driver, base_url):
    """How many referrals the service page counts, from its line "(N verwijzingen in 180 dagen)"."""
    driver.get(base_url + "/kaart?q=" + "GGZ-inloop")
    submit_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, SERVICE))
    text = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    found = re.search(r"\((\d+) verwijzingen in 180 dagen\)", text)
    assert found, text
    assert "% geaccepteerd" in text
    return int(found.group(1))


def test_referral_from_a_signal_to_the_partner_and_back(phone, laptop, base_url, password):
    before = referral_count(laptop, base_url)

    # A resident of the team, and a signal about them raised by the concierge.
    login(laptop, base_url, "socialworker", password)
    laptop.get(base_url + "/bewoners")
    links = [a for a in laptop.find_elements(By.CSS_SELECTOR, "main a[href^='/bewoners/']")
             if re.search(r"/bewoners/[0-9a-f-]{36}$", a.get_attribute("href"))]
    link = links[3]
    resident_id = link.get_attribute("href").rstrip("/").split("/")[-1]
    name = link.text.split(",")[0].strip()
    laptop.delete_all_cookies()
    login(laptop, base_url, "concierge", password)
    laptop.get(f"{base_url}/signalen/nieuw?resident={resident_id}")
    laptop.find_element(By.CSS_SELECTOR, "input[name='quick[]'][value='Lijkt somber']").click()
    laptop.find_element(By.NAME, "observation").send_keys("Huilde aan de deur")
    submit(laptop, "form.stack")
    laptop.delete_all_cookies()

    # The social worker picks it up and refers from the signal; without consent the form says what is missing.
    login(laptop, base_url, "socialworker", password)
    laptop.get(base_url + "/signalen?team=")
    card = laptop.find_element(
        By.XPATH, f"//ul[contains(@class,'signals')]/li[contains(., '{name}') and .//span[normalize-space()='nieuw']]")
    submit_and_wait(laptop, card.find_element(By.TAG_NAME, "a"))
    signal_url = laptop.current_url
    for event in ("triage", "start_follow_up"):
        Select(laptop.find_element(By.NAME, "event")).select_by_value(event)
        submit(laptop, "form[action$='/stap']")
    submit_and_wait(laptop, laptop.find_element(By.LINK_TEXT, "Doorverwijzen"))
    assert "/verwijzingen/nieuw" in laptop.current_url
    Select(laptop.find_element(By.NAME, "serviceID")).select_by_visible_text(
        next(o.text for o in Select(laptop.find_element(By.NAME, "serviceID")).options if o.text.startswith(SERVICE)))
    laptop.find_element(By.NAME, "question").send_keys("Wil graag met iemand praten over hoe het gaat.")
    laptop.find_element(By.CSS_SELECTOR, "input[name='shares[]'][value=signal_observation]").click()
    submit(laptop, "form.stack")
    if "toestemming van de bewoner" in laptop.find_element(By.TAG_NAME, "main").text.lower() and \
            laptop.find_elements(By.CSS_SELECTOR, ".error-summary"):
        assert "GGZ Eemvallei" in laptop.find_element(By.CSS_SELECTOR, ".error-summary").text
        assert laptop.find_element(By.NAME, "question").get_attribute("value").startswith("Wil graag")
        laptop.find_element(By.CSS_SELECTOR, "input[name=recordConsent][value=verbal]").click()
        submit(laptop, "form.stack")
    assert "/verwijzingen/" in laptop.current_url and "nieuw" not in laptop.current_url
    referral_url = laptop.current_url
    assert "verstuurd" in laptop.find_element(By.CSS_SELECTOR, ".badges").text
    laptop.get(signal_url)
    assert SERVICE in laptop.find_element(By.ID, "verwijzingen").find_element(By.XPATH, "..").text
    laptop.delete_all_cookies()

    # The partner, on a phone: the inbox has it; opening it makes it received; accept, then first contact.
    login(phone, base_url, "partner", password)
    phone.get(base_url + "/verwijzingen")
    card = phone.find_element(By.XPATH, f"//ul[contains(@class,'referrals')]/li[contains(., '{name}')]")
    assert "verstuurd" in card.text
    submit_and_wait(phone, card.find_element(By.TAG_NAME, "a"))
    assert phone.current_url == referral_url
    assert "ontvangen" in phone.find_element(By.CSS_SELECTOR, ".badges").text
    assert "Huilde aan de deur" in phone.page_source
    # The partner never reaches the file.
    phone.get(f"{base_url}/bewoners/{resident_id}")
    assert "geen toegang" in phone.find_element(By.TAG_NAME, "main").text
    assert "Huilde" not in phone.page_source
    phone.get(referral_url)
    submit(phone, step_form("accept"))
    assert "geaccepteerd" in phone.find_element(By.CSS_SELECTOR, ".badges").text
    Select(phone.find_element(By.CSS_SELECTOR, f"{step_form('first_contact')} select[name=contactHow]")).select_by_value(
        "phone")
    submit(phone, step_form("first_contact"))
    assert "in contact" in phone.find_element(By.CSS_SELECTOR, ".badges").text
    phone.delete_all_cookies()

    # The concierge who raised the signal sees that it was picked up, not what the partner did.
    login(phone, base_url, "concierge", password)
    phone.get(base_url + "/signalen/gemeld")
    card = phone.find_element(By.XPATH, f"//ul[contains(@class,'cards')]/li[contains(., '{name}')]")
    assert "Doorverwezen en opgepakt" in card.text
    phone.delete_all_cookies()

    assert referral_count(laptop, base_url) == before + 1


def run(env, *args):
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, timeout=600)


def escalation_counts(text):
    numbers = [int(n) for n in re.findall(r": (\d+)", text)]
    assert len(numbers) == 3, text
    return numbers[1] + numbers[2]


class Database:
    """The database both processes use: the SQLite file of the data folder, or a fresh PostgreSQL database on
    the server `SCHAKEL_E2E_POSTGRES` names (``postgres://user@host:port``), read with ``psql``."""

    def __init__(self, tmp_path, env, backend):
        self.server = os.environ.get("SCHAKEL_E2E_POSTGRES") if backend == "postgres" else None
        if backend == "postgres" and not self.server:
            pytest.skip("SCHAKEL_E2E_POSTGRES is not set")
        if self.server:
            name = "escalate_" + uuid.uuid4().hex  # a new database each run, also on a server kept between runs
            self.psql("postgres", f'CREATE DATABASE "{name}"')
            self.name = name
            env["DATABASE_URL"] = f"{self.server}/{name}?sslmode=disable"
        else:
            self.file = tmp_path / "data" / "schakel.sqlite"

    def psql(self, database, sql):
        done = subprocess.run(["psql", f"{self.server}/{database}", "-tAc", sql], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def number(self, sql):
        if self.server:
            return int(self.psql(self.name, sql))
        with sqlite3.connect(self.file) as db:
            return db.execute(sql).fetchone()[0]


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_two_processes_escalate_each_referral_once(tmp_path, backend):
    env = dict(os.environ, SCHAKEL_DATA_DIR=str(tmp_path / "data"), SCHAKEL_BCRYPT_COST="4",
               SCHAKEL_DEMO_PASSWORD="e2e-wachtwoord-123", SWIFT_BACKTRACE="enable=no")
    database = Database(tmp_path, env, backend)
    demo = run(env, "demo", "--residents", "200", "--history-days", "3", "--no-rounds")
    assert demo.returncode == 0, demo.stderr
    marks_sql = "SELECT COUNT(*) FROM referral_history WHERE kind IN ('escalate', 'contact_overdue')"
    marks_before = database.number(marks_sql)
    # Forty days on, every open referral is past its day: two processes run the job at the same moment.
    later = (date.today() + timedelta(days=40)).isoformat()
    first = subprocess.Popen([BIN, "escalate", "--at", later], env=env, stdout=subprocess.PIPE, text=True)
    second = subprocess.Popen([BIN, "escalate", "--at", later], env=env, stdout=subprocess.PIPE, text=True)
    outputs = [first.communicate(timeout=300)[0], second.communicate(timeout=300)[0]]
    assert first.returncode == 0 and second.returncode == 0, outputs
    marked = sum(escalation_counts(text) for text in outputs)
    marks = database.number(marks_sql)
    twice = database.number(
        "SELECT COUNT(*) FROM (SELECT referral_id, kind FROM referral_history"
        " WHERE kind IN ('escalate', 'contact_overdue') GROUP BY referral_id, kind HAVING COUNT(*) > 1) AS twice")
    due = database.number(
        f"SELECT COUNT(*) FROM referrals WHERE (state IN ('sent', 'received') AND answer_due < '{later}')"
        f" OR (state = 'accepted' AND contact_due < '{later}')")
    assert marked > 0
    assert marks - marks_before == marked
    assert twice == 0
    # Every referral past its day carries its mark, once.
    unmarked = database.number(
        f"SELECT COUNT(*) FROM referrals WHERE ((state IN ('sent', 'received') AND answer_due < '{later}'"
        f" AND escalated_at IS NULL) OR (state = 'accepted' AND contact_due < '{later}'"
        " AND contact_flagged_at IS NULL))")
    assert due > 0 and unmarked == 0
    again = run(env, "escalate", "--at", later)
    assert escalation_counts(again.stdout) == 0
