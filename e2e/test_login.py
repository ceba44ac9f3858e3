"""Logging in as the demo users in a real browser."""
import os

from selenium.webdriver.common.by import By

from conftest import login


def test_concierge_logs_in_on_a_phone_and_sees_the_home_page(phone, base_url, password):
    login(phone, base_url, "concierge", password)
    assert phone.current_url.rstrip("/") == base_url
    heading = phone.find_element(By.TAG_NAME, "h1").text
    assert heading == "Welkom, Kees Conciërge"
    assert "Schakelteam Oost" in phone.page_source
    # The page fits the phone: nothing wider than the viewport.
    width = phone.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360
    if os.environ.get("SCHAKEL_SCREENSHOTS"):
        phone.save_screenshot(os.path.join(os.environ["SCHAKEL_SCREENSHOTS"], "concierge-home.png"))


def test_wrong_password_shows_a_dutch_message(phone, base_url):
    login(phone, base_url, "concierge", "dit-is-fout-123")
    assert "/inloggen" in phone.current_url
    assert "Gebruikersnaam of wachtwoord klopt niet." in phone.find_element(By.CSS_SELECTOR, "[role=alert]").text


def test_concierge_opens_a_resident_and_sees_only_the_door_view(phone, base_url, password):
    login(phone, base_url, "concierge", password)
    phone.get(base_url + "/bewoners")
    first = phone.find_element(By.CSS_SELECTOR, "ul.cards a.title")
    name = first.text
    first.click()
    assert phone.find_element(By.TAG_NAME, "h1").text == name
    assert "Je ziet alleen wat je aan de deur nodig hebt" in phone.page_source
    assert "Geboortedatum" not in phone.page_source
    if os.environ.get("SCHAKEL_SCREENSHOTS"):
        phone.save_screenshot(os.path.join(os.environ["SCHAKEL_SCREENSHOTS"], "concierge-resident.png"))


def test_policy_officer_gets_no_resident_list(laptop, base_url, password):
    login(laptop, base_url, "policy", password)
    laptop.get(base_url + "/bewoners")
    assert "Je hebt geen toegang tot deze gegevens." in laptop.page_source
