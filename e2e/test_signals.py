"""Signals of concern in a real browser on a phone: a concierge raises one from the round, a volunteer raises
a meldcode signal that a social worker then takes through the five steps of the meldcode."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import login, open_round, submit_and_wait


def submit(driver, form_selector="form.stack"):
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"{form_selector} button[type=submit]"))


def error_summary(driver):
    found = driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    return found[0].text if found else ""


def test_concierge_raises_a_signal_from_the_round(phone, base_url, password):
    open_round(phone, base_url, password)
    stop = phone.find_elements(By.CSS_SELECTOR, "li.stop p.raise a")[0]
    name = stop.find_element(By.XPATH, "./ancestor::li").find_element(By.TAG_NAME, "h2").text.split(". ", 1)[-1]
    submit_and_wait(phone, stop)
    assert "/signalen/nieuw" in phone.current_url
    # What to do in an emergency comes before anything else on the form.
    first = phone.find_element(By.CSS_SELECTOR, "main > *:not(h1)")
    assert "acute" in first.get_attribute("class") and "0800-2000" in first.text
    assert name in phone.find_element(By.CSS_SELECTOR, ".subject").text

    # Without a domain the signal is refused, in Dutch, and what was typed stays.
    phone.find_element(By.NAME, "observation").send_keys("Brieven van de deurwaarder op de mat")
    submit(phone)
    assert "kies minstens één leefgebied" in error_summary(phone)
    assert phone.find_element(By.NAME, "observation").get_attribute("value") == "Brieven van de deurwaarder op de mat"

    phone.find_element(By.CSS_SELECTOR, "input[name='quick[]'][value='Post stapelt zich op']").click()
    phone.find_element(By.CSS_SELECTOR, "input[name=urgency][value=high]").click()
    submit(phone)
    assert "Signaal doorgegeven" in phone.find_element(By.TAG_NAME, "h1").text

    phone.get(base_url + "/signalen/gemeld")
    cards = phone.find_elements(By.CSS_SELECTOR, "ul.cards li")
    assert name in cards[0].text
    assert "Ontvangen, nog niet opgepakt" in cards[0].text
    assert "deurwaarder" not in phone.page_source


def test_meldcode_signal_through_its_five_steps(phone, base_url, password):
    # A social worker of the team knows a resident; the volunteer raises a meldcode signal about them.
    login(phone, base_url, "socialworker", password)
    phone.get(base_url + "/bewoners")
    link = phone.find_elements(By.CSS_SELECTOR, "main a[href^='/bewoners/']")
    link = [a for a in link if re.search(r"/bewoners/[0-9a-f-]{36}$", a.get_attribute("href"))][0]
    resident_id = link.get_attribute("href").rstrip("/").split("/")[-1]
    name = link.text.split(",")[0].strip()
    phone.delete_all_cookies()

    login(phone, base_url, "volunteer", password)
    phone.get(f"{base_url}/signalen/nieuw?resident={resident_id}")
    phone.find_element(By.CSS_SELECTOR, "input[name=urgency][value=acute]").click()
    phone.find_element(By.CSS_SELECTOR, "form.stack details summary").click()
    phone.find_element(By.CSS_SELECTOR, "input[name^=domains][value=huiselijke_relaties]").click()
    phone.find_element(By.NAME, "observation").send_keys("Geschreeuw en een huilend kind gehoord")
    phone.find_element(By.NAME, "meldcode").click()
    submit(phone)
    assert "0800-2000" in phone.find_element(By.CSS_SELECTOR, ".acute").text
    # The volunteer does not see the signal afterwards.
    phone.get(base_url + "/signalen/gemeld")
    assert "Geschreeuw" not in phone.page_source
    phone.delete_all_cookies()

    login(phone, base_url, "socialworker", password)
    phone.get(base_url + "/signalen?urgency=acute")
    card = phone.find_element(
        By.XPATH, f"//ul[contains(@class,'signals')]/li[.//span[contains(@class,'meldcode')] and contains(., '{name}')"
                  " and .//span[normalize-space()='nieuw']]")
    submit_and_wait(phone, card.find_element(By.TAG_NAME, "a"))
    assert "Geschreeuw en een huilend kind gehoord" in phone.find_element(By.CSS_SELECTOR, "p.observation").text
    Select(phone.find_element(By.NAME, "event")).select_by_value("triage")
    submit(phone, "form[action$='/stap']")

    meldcode_form = "form[action$='/meldcode']"
    phone.find_element(By.CSS_SELECTOR, f"{meldcode_form} textarea[name=reasoning]").send_keys("Feitelijk vastgelegd")
    submit(phone, meldcode_form)
    # Step 2 needs with whom it was consulted; the reasoning typed is kept.
    phone.find_element(By.CSS_SELECTOR, f"{meldcode_form} textarea[name=reasoning]").send_keys("Advies gevraagd")
    submit(phone, meldcode_form)
    assert "Overlegd met" in error_summary(phone)
    assert phone.find_element(By.NAME, "reasoning").get_attribute("value") == "Advies gevraagd"
    Select(phone.find_element(By.NAME, "consultedWith")).select_by_value("veilig_thuis")
    submit(phone, meldcode_form)
    for reasoning in ("Gesprek gevoerd", "Ernstig en herhaald"):
        phone.find_element(By.CSS_SELECTOR, f"{meldcode_form} textarea[name=reasoning]").send_keys(reasoning)
        submit(phone, meldcode_form)
    phone.find_element(By.CSS_SELECTOR, "input[name=answer1][value=yes]").click()
    phone.find_element(By.CSS_SELECTOR, "input[name=answer2][value=yes]").click()
    phone.find_element(By.CSS_SELECTOR, f"{meldcode_form} textarea[name=reasoning]").send_keys("Structureel onveilig")
    submit(phone, meldcode_form)
    steps = phone.find_elements(By.CSS_SELECTOR, "ol.meldcode-steps li.done")
    assert len(steps) == 5
    assert "Veilig Thuis" in steps[-1].text

    Select(phone.find_element(By.NAME, "event")).select_by_value("close")
    submit(phone, "form[action$='/stap']")
    assert "gemeld bij Veilig Thuis" in phone.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert not phone.find_elements(By.CSS_SELECTOR, meldcode_form)
