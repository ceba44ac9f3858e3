"""The concierge's round on a phone: outcomes in two taps, and an offline queue that stores
every outcome exactly once when the connection returns."""
import json
import time
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import login, open_round, submit_and_wait


def open_stops(driver):
    return driver.find_elements(By.CSS_SELECTOR, "li.stop.open form.outcome")


def log_outcome(driver, outcome, note=None):
    """Logs an outcome on the first open stop (the second tap; opening the round was the first)."""
    form = open_stops(driver)[0]
    stop = form.find_element(By.XPATH, "./ancestor::li")
    stop_id = stop.get_attribute("data-stop")
    if note:
        form.find_element(By.TAG_NAME, "summary").click()
        form.find_element(By.NAME, "note").send_keys(note)
    form.find_element(By.CSS_SELECTOR, f"button[value={outcome}]").click()
    WebDriverWait(driver, 5).until(
        lambda d: "done" in d.find_element(By.ID, f"stop-{stop_id}").get_attribute("class"))
    return stop_id


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_303(self, request, response, code, message, headers):
        return response


QUEUE = "localStorage.getItem('schakel.outcomeQueue.' + document.getElementById('sync-status').dataset.queue)"


def queued(driver):
    """The outcomes waiting on the phone for the logged-in concierge."""
    return driver.execute_script(f"return JSON.parse({QUEUE} || '[]')")


def api(driver, method, path, body=None):
    """Calls the API from the page, with the session cookie and CSRF token, as the round script does."""
    return driver.execute_async_script(
        """
        const [method, path, body, done] = arguments;
        const csrf = document.querySelector('input[name=_csrf]').value;
        fetch(path, {method, credentials: 'same-origin',
                     headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},
                     body: body ? JSON.stringify(body) : undefined})
          .then(async r => done({status: r.status, body: await r.text()}))
          .catch(e => done({status: 0, body: String(e)}));
        """, method, path, body)


def test_outcomes_logged_offline_are_stored_once_when_back_online(phone, base_url, password):
    open_round(phone, base_url, password)
    round_id = phone.current_url.rstrip("/").split("/")[-1].split("#")[0]
    assert len(open_stops(phone)) >= 5

    logged = [log_outcome(phone, "contact", note="Gezellig gepraat"),
              log_outcome(phone, "mailboxOnly"),
              log_outcome(phone, "notAtHome")]
    WebDriverWait(phone, 10).until(lambda d: len(queued(d)) == 0)

    phone.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    logged += [log_outcome(phone, "contact"), log_outcome(phone, "refused")]
    time.sleep(3.5)  # at least one retry of the queue while offline
    assert len(queued(phone)) == 2
    assert "2" in phone.find_element(By.ID, "sync-status").text
    waiting = queued(phone)

    phone.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    WebDriverWait(phone, 15).until(lambda d: len(queued(d)) == 0)

    detail = api(phone, "GET", f"/api/v1/rounds/{round_id}")
    assert detail["status"] == 200, detail
    round_ = json.loads(detail["body"])
    done = {s["id"]: s for s in round_["stops"] if s["state"] == "done"}
    assert set(done) == set(logged)
    assert [done[s]["outcome"] for s in logged] == ["contact", "mailboxOnly", "notAtHome", "contact", "refused"]
    summary = round_["summary"]
    assert summary["contacts"] + summary["mailboxOnly"] + summary["notAtHome"] + summary["refused"] == 5

    # Resending a stored outcome (as after a lost answer) is answered 200 and stores nothing new;
    # the same id with other content is refused.
    replay = api(phone, "POST", "/api/v1/contact-moments", waiting[0]["body"])
    assert replay["status"] == 200, replay
    assert json.loads(replay["body"])["id"] == waiting[0]["body"]["id"]
    changed = dict(waiting[0]["body"], outcome="notAtHome")
    assert api(phone, "POST", "/api/v1/contact-moments", changed)["status"] == 409
    again = json.loads(api(phone, "GET", f"/api/v1/rounds/{round_id}")["body"])
    assert sum(1 for s in again["stops"] if s["state"] == "done") == 5
    assert sum(again["summary"][k] for k in ("contacts", "mailboxOnly", "notAtHome", "refused")) == 5

    # After a reload the page shows the five outcomes from the server.
    phone.get(f"{base_url}/rondes/{round_id}")
    assert len(phone.find_elements(By.CSS_SELECTOR, "li.stop.done")) == 5


def test_queued_outcomes_survive_the_end_of_the_session_and_are_sent_after_a_new_login(phone, base_url, password):
    open_round(phone, base_url, password)
    round_tab = phone.current_window_handle
    round_id = phone.current_url.rstrip("/").split("/")[-1].split("#")[0]
    before = int(phone.find_element(By.ID, "voortgang").text.split(" · ")[1].split()[0])
    phone.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    logged = [log_outcome(phone, "contact"), log_outcome(phone, "notAtHome")]
    assert len(queued(phone)) == 2
    # The counters follow at once, before anything is sent.
    assert f"{before + 2} gedaan" in phone.find_element(By.ID, "voortgang").text
    # Meanwhile the session ends on the server (a logout elsewhere, or the idle timeout) while the phone is offline.
    session = phone.get_cookie("schakel_session")["value"]
    token = phone.find_element(By.CSS_SELECTOR, "input[name=_csrf]").get_attribute("value")
    ended = urllib.request.Request(
        base_url + "/uitloggen", data=urllib.parse.urlencode({"_csrf": token}).encode(), method="POST",
        headers={"Cookie": f"schakel_session={session}", "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.build_opener(NoRedirect()).open(ended) as answer:
        assert answer.status == 303
    phone.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    time.sleep(3.5)  # the queue tries, is told the session ended, and keeps everything
    assert len(queued(phone)) == 2
    assert "Log opnieuw in" in phone.find_element(By.ID, "sync-status").text
    # Logged in again in another tab: the round page, still open with the old token, sends the queue.
    phone.switch_to.new_window("tab")
    login(phone, base_url, "concierge", password)
    phone.switch_to.window(round_tab)
    WebDriverWait(phone, 15).until(lambda d: len(queued(d)) == 0)
    detail = json.loads(api(phone, "GET", f"/api/v1/rounds/{round_id}")["body"])
    done = {s["id"]: s["outcome"] for s in detail["stops"] if s["state"] == "done"}
    assert [done.get(stop) for stop in logged] == ["contact", "notAtHome"]
    phone.get(f"{base_url}/rondes/{round_id}")
    for stop in logged:
        assert "done" in phone.find_element(By.ID, f"stop-{stop}").get_attribute("class")


def test_an_outcome_the_server_refuses_names_its_stop_and_opens_the_form_again(phone, base_url, password):
    open_round(phone, base_url, password)
    form = open_stops(phone)[0]
    stop = form.find_element(By.XPATH, "./ancestor::li")
    stop_id = stop.get_attribute("data-stop")
    name = stop.find_element(By.TAG_NAME, "h2").text
    # An outcome the server cannot store whatever is tried again (an outcome that does not exist).
    phone.execute_script(
        """
        const form = arguments[0];
        const key = 'schakel.outcomeQueue.' + document.getElementById('sync-status').dataset.queue;
        localStorage.setItem(key, JSON.stringify([{label: 'Contact', body: {
          id: form.querySelector('input[name=id]').value, residentId: form.querySelector('input[name=residentID]').value,
          stopId: arguments[1], outcome: 'verzonnen', recordedAt: new Date().toISOString()}}]));
        """, form, stop_id)
    phone.refresh()
    WebDriverWait(phone, 10).until(lambda d: len(queued(d)) == 0)
    refusal = phone.find_element(By.ID, "sync-refusals").text
    assert name in refusal and "Niet opgeslagen" in refusal
    stop = phone.find_element(By.ID, f"stop-{stop_id}")
    assert "open" in stop.get_attribute("class")
    assert stop.find_element(By.CSS_SELECTOR, "form.outcome").is_displayed()
    # Entered again, it is stored.
    log_outcome(phone, "contact")
    WebDriverWait(phone, 10).until(lambda d: len(queued(d)) == 0)
    phone.refresh()
    assert "done" in phone.find_element(By.ID, f"stop-{stop_id}").get_attribute("class")


def summary_count(driver, key):
    return int(driver.find_element(By.CSS_SELECTOR, f'[data-summary="{key}"]').text)


def correct(driver, stop_id, outcome):
    """Opens "Verkeerd getikt?" at the stop and taps the right outcome."""
    stop = driver.find_element(By.ID, f"stop-{stop_id}")
    details = stop.find_element(By.CSS_SELECTOR, "details.correct")
    details.find_element(By.TAG_NAME, "summary").click()
    details.find_element(By.CSS_SELECTOR, f"form.correction button[value={outcome}]").click()


def test_a_mis_tapped_outcome_is_corrected_offline_counts_once_and_a_stale_tab_is_told(phone, base_url, password):
    open_round(phone, base_url, password)
    round_tab = phone.current_window_handle
    round_id = phone.current_url.rstrip("/").split("/")[-1].split("#")[0]
    contacts, misses = summary_count(phone, "contact"), summary_count(phone, "notAtHome")
    phone.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
    stop_id = log_outcome(phone, "notAtHome")
    assert summary_count(phone, "notAtHome") == misses + 1
    # The wrong button: corrected at once, still offline.
    correct(phone, stop_id, "contact")
    stop = phone.find_element(By.ID, f"stop-{stop_id}")
    assert "done-contact" in stop.get_attribute("class")
    assert "Gecorrigeerd; eerder: Niet thuis" in stop.text
    assert summary_count(phone, "contact") == contacts + 1
    assert summary_count(phone, "notAtHome") == misses
    items = queued(phone)
    assert len(items) == 2 and items[1]["body"]["corrects"] == items[0]["body"]["id"]

    phone.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
    WebDriverWait(phone, 15).until(lambda d: len(queued(d)) == 0)
    detail = json.loads(api(phone, "GET", f"/api/v1/rounds/{round_id}")["body"])
    shown = next(s for s in detail["stops"] if s["id"] == stop_id)
    assert shown["outcome"] == "contact" and shown["contactMomentId"] == items[1]["body"]["id"]
    assert detail["summary"]["contacts"] == contacts + 1 and detail["summary"]["notAtHome"] == misses

    # After a reload the server shows the same; a second tab opens the round too.
    phone.get(f"{base_url}/rondes/{round_id}")
    stop = phone.find_element(By.ID, f"stop-{stop_id}")
    assert "Gecorrigeerd; eerder: Niet thuis" in stop.text
    assert summary_count(phone, "contact") == contacts + 1
    phone.switch_to.new_window("tab")
    stale_tab = phone.current_window_handle
    phone.get(f"{base_url}/rondes/{round_id}")
    # The first tab corrects the correction; the second, still showing "Contact", tries another.
    phone.switch_to.window(round_tab)
    correct(phone, stop_id, "refused")
    WebDriverWait(phone, 10).until(lambda d: len(queued(d)) == 0)
    # (Closed, so that only the stale tab sends the shared queue and shows what it is told.)
    phone.close()
    phone.switch_to.window(stale_tab)
    name = phone.find_element(By.CSS_SELECTOR, f"#stop-{stop_id} h2").text
    correct(phone, stop_id, "mailboxOnly")
    WebDriverWait(phone, 10).until(lambda d: len(queued(d)) == 0)
    WebDriverWait(phone, 10).until(lambda d: "al gecorrigeerd" in d.find_element(By.ID, "sync-refusals").text)
    assert name in phone.find_element(By.ID, "sync-refusals").text
    # The stale tab is drawn again as the server has it: the first tab's correction counts.
    WebDriverWait(phone, 10).until(
        lambda d: "done-refused" in d.find_element(By.ID, f"stop-{stop_id}").get_attribute("class"))
    assert summary_count(phone, "mailboxOnly") == json.loads(
        api(phone, "GET", f"/api/v1/rounds/{round_id}")["body"])["summary"]["mailboxOnly"]
    detail = json.loads(api(phone, "GET", f"/api/v1/rounds/{round_id}")["body"])
    assert next(s for s in detail["stops"] if s["id"] == stop_id)["outcome"] == "refused"
