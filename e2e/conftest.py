"""Shared fixtures of the real-browser tests: a headless Chromium driven by Selenium.

The test command starts Schakel with the demo data and passes its URL and password
in SCHAKEL_URL and SCHAKEL_E2E_PASSWORD."""
import os

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


@pytest.fixture(scope="session")
def base_url():
    return os.environ["SCHAKEL_URL"]


@pytest.fixture(scope="session")
def password():
    return os.environ["SCHAKEL_E2E_PASSWORD"]


def _browser(width, height, mobile=False):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 f"--window-size={max(width, 800)},{height}"):
        options.add_argument(flag)
    if mobile:
        # Desktop Chromium will not make a window narrower than about 500 pixels; emulate the phone instead.
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0, "touch": True},
        })
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


@pytest.fixture
def phone():
    """A phone-sized browser (360 x 740 CSS pixels)."""
    driver = _browser(360, 740, mobile=True)
    yield driver
    driver.quit()


@pytest.fixture
def laptop():
    driver = _browser(1280, 900)
    yield driver
    driver.quit()


def login(driver, base_url, username, password):
    driver.get(base_url + "/inloggen")
    driver.find_element("id", "f-username").send_keys(username)
    driver.find_element("id", "f-password").send_keys(password)
    submit_and_wait(driver, driver.find_element("css selector", "form.stacked button[type=submit]"))


def submit_and_wait(driver, button):
    """Clicks and waits for the next page to load, so cookies are set before the test goes on."""
    driver.execute_script("window.__schakelOldPage = true")
    button.click()
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return window.__schakelOldPage === undefined && document.readyState === 'complete'"))


def plan_today(driver, base_url, password):
    """Plans today's rounds as the coordinator does (the demo may have planned yesterday's, before midnight)."""
    login(driver, base_url, "coordinator", password)
    driver.get(base_url + "/rondes/planning")
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.stacked button[type=submit]"))
    driver.delete_all_cookies()


def open_round(driver, base_url, password):
    """Logs in as the demo concierge and opens today's round, planning it first when needed."""
    login(driver, base_url, "concierge", password)
    driver.get(base_url + "/rondes")
    if "/rondes/" not in driver.current_url:
        driver.delete_all_cookies()
        plan_today(driver, base_url, password)
        login(driver, base_url, "concierge", password)
        driver.get(base_url + "/rondes")
    assert "/rondes/" in driver.current_url, "a concierge with one round goes straight to it"
