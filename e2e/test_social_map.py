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


def test_the_wijk_of_a_service_and_an_activity_is_where_its_address_lies(base_url):
    """Each wijk of the demo finds the services whose address lies there, and its own activities only."""
    import urllib.request
    from icalendar import Calendar

    def page(path):
        with urllib.request.urlopen(base_url + path) as answer:
            return answer.read().decode()

    def services(wijk):
        return page(f"/kaart?wijk={wijk}").count('class="title"')

    assert services("WK030701") >= 5, "Stadskern: stadhuis, library, recovery house"
    assert services("WK030706") >= 3, "De Koppel: the community centre"
    assert services("WK030709") >= 2, "Schothorst-Noord: the wijkcentrum"
    assert services("WK030707") >= 1, "Kruiskamp: the food bank's outlet"

    def places(wijk):
        feed = Calendar.from_ical(page(f"/kaart/activiteiten.ics?wijk={wijk}"))
        return {str(event.get("location")) for event in feed.walk("VEVENT")}

    schothorst = places("WK030709")
    assert schothorst and all("Queekhovenplein" in place for place in schothorst)
    koppel = places("WK030706")
    assert koppel and not any("Queekhovenplein" in place or "Kruiskamplaan" in place for place in koppel)
    assert places("WK030707") and all("Kruiskamplaan" in place for place in places("WK030707"))
