"""The public social map on a phone: a resident without an account searches for help with debts,
keeps to free services and opens one."""
from selenium.webdriver.common.by import By

from conftest import submit_and_wait


def test_resident_searches_debts_filters_free_and_opens_a_service(phone, base_url):
    phone.get(base_url + "/kaart")
    assert "Sociale kaart" in phone.find_element(By.TAG_NAME, "h1").text
    assert not phone.find_elements(By.CSS_SELECTOR, "header .who"), "nobody is logged in"
    phone.find_element(By.NAME, "q").send_keys("schulden")
    phone.find_element(By.CSS_SELECTOR, "input[name=gratis]").click()
    submit_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form.map-search button[type=submit]"))
    assert "q=schulden" in phone.current_url and "gratis=1" in phone.current_url
    cards = phone.find_elements(By.CSS_SELECTOR, "ul.services li")
    assert cards, "something is found for 'schulden'"
    assert all("Gratis" in card.text for card in cards)
    assert cards[0].find_element(By.CSS_SELECTOR, "a.title").text == "Schuldhulpverlening"
    submit_and_wait(phone, cards[0].find_element(By.CSS_SELECTOR, "a.title"))
    assert phone.find_element(By.TAG_NAME, "h1").text == "Schuldhulpverlening"
    facts = phone.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "Gratis" in facts and "Schuldhulpverlening" in facts
    assert phone.find_elements(By.CSS_SELECTOR, "a[href^='tel:']")
    # Fits the phone: nothing wider than the screen.
    assert phone.execute_script("return document.documentElement.scrollWidth") <= 360
