"""The neighbourhood's activities as a visitor finds them on a phone, and the district's calendar feed as a
calendar program reads it (parsed by the icalendar library)."""
import urllib.request

import icalendar
from selenium.webdriver.common.by import By

from conftest import submit_and_wait


def test_visitor_finds_the_lunch_and_subscribes_to_the_feed(phone, base_url):
    phone.get(base_url + "/kaart")
    submit_and_wait(phone, phone.find_element(By.LINK_TEXT, "Activiteiten in de buurt"))
    titles = [a.text for a in phone.find_elements(By.CSS_SELECTOR, "ul.activities a.title")]
    assert any("Dinsdaglunch" in title for title in titles)
    feed_link = phone.find_element(By.PARTIAL_LINK_TEXT, "Agenda-link").get_attribute("href")
    with urllib.request.urlopen(feed_link, timeout=10) as response:
        assert response.headers.get_content_type() == "text/calendar"
        calendar = icalendar.Calendar.from_ical(response.read())
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert len(events) >= 12, "four weekly activities over 90 days"
    lunch = [e for e in events if str(e.get("summary")) == "Dinsdaglunch"]
    assert lunch and all(e.decoded("dtstart").weekday() == 1 for e in lunch), "every lunch is on a Tuesday"
    assert all(e.decoded("dtend") > e.decoded("dtstart") for e in events)
    assert len({str(e.get("uid")) for e in events}) == len(events)
    # A resident's name never appears in the public feed.
    assert b"Vries" not in calendar.to_ical()
