"""The analyse page, HTML error pages, keyboard access, contrast and phone layouts, in Chromium."""

from __future__ import annotations


from playwright.sync_api import expect

ARTICLE = ("Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday. "
           "\"We agreed to open the border to trade,\" Ruto told reporters after the talks. "
           "Ethiopia accused Eritrea of sending troops across the frontier.")


def clean(page):
    assert page.errors == [], page.errors
    assert page.dialogs == [], page.dialogs


def test_paste_or_upload_an_article_and_read_it(page, base_url, tmp_path):
    page.goto(f"{base_url}/analyze")
    # the database is served read-only: storing is offered but cannot be chosen
    expect(page.locator("input[name=store]")).to_be_disabled()
    page.fill("#analyze-text", ARTICLE)
    page.fill("input[name=title]", "Ruto meets Abiy")
    page.click("#analyze-form button[type=submit]")
    expect(page.locator("#analyze-result")).to_contain_text("not stored", timeout=90_000)
    expect(page.locator("#article-title")).to_have_text("Ruto meets Abiy")
    text = page.locator("#article-text")
    # the mention is cut where the place "Kenyan" (Kenya) ends; its pieces read as the whole name
    assert "Kenyan President William Ruto" in "".join(text.locator(".mention").all_inner_texts())
    assert "Kenyan" in text.locator(".mention.place").all_inner_texts()
    assert text.locator(".quote").count() >= 1 and text.locator(".trigger").count() >= 2
    upload = tmp_path / "article.txt"
    upload.write_text(ARTICLE, encoding="utf-8")
    page.goto(f"{base_url}/analyze")
    page.set_input_files("input[type=file]", str(upload))
    page.click("#analyze-form button[type=submit]")
    expect(page.locator("#analyze-result")).to_contain_text("not stored", timeout=60_000)
    expect(page.locator("#article-text")).to_contain_text("Abiy Ahmed")
    clean(page)


def test_errors_are_pages_of_the_site(page, base_url, client):
    response = page.goto(f"{base_url}/articles/no-such-article")
    assert response.status == 404
    expect(page.locator("#error-title")).to_have_text("404 · Not found")
    expect(page.locator("#error-detail")).to_contain_text("no-such-article")
    expect(page.locator("header.top nav a", has_text="Events")).to_be_visible()
    assert page.goto(f"{base_url}/events?quad_class=9").status == 422
    expect(page.locator("#error-detail")).to_contain_text("quad_class")
    assert page.goto(f"{base_url}/analyze", wait_until="load").status == 200
    page.click("#analyze-form button[type=submit]")  # nothing pasted
    expect(page.locator("#error-detail")).to_contain_text("paste an article")
    # the API still answers in JSON
    assert client.get("/api/articles/no-such-article").json()["detail"]
    page.errors.clear()  # the browser logs each error status it was sent


def test_marked_words_are_reached_by_keyboard(page, base_url):
    page.goto(f"{base_url}/articles/russia-ukraine-talks")
    page.locator("#article-text").scroll_into_view_if_needed()
    first = page.locator("#article-text span[tabindex]").first
    first.focus()
    expect(page.locator("#detail .card").first).to_be_visible()
    # Tab walks on through the marked words, each showing its card
    trigger = page.locator("#article-text .trigger[tabindex]").first
    trigger.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#detail .event-card")).to_contain_text("actor → recipient")
    expect(page.locator("#event-list .event.selected")).to_have_count(1)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('#article-text') !== null")
    assert focused
    clean(page)


def test_reader_card_is_on_screen_when_a_word_is_tapped_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}/articles/russia-ukraine-talks")
    word = page.locator("#article-text .trigger").nth(10)
    word.scroll_into_view_if_needed()
    word.tap()
    card = page.locator("#detail")
    expect(card.locator(".event-card")).to_be_visible()
    box = card.bounding_box()
    assert 0 <= box["y"] < 844 and box["y"] + box["height"] <= 844 + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


CONTRAST = """(sel) => {
  const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map((v) => { v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const bg = (el) => { for (let n = el; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor;
      if (c && !c.startsWith("rgba(0, 0, 0, 0)") && c !== "transparent") return c; } return "rgb(255, 255, 255)"; };
  return [...document.querySelectorAll(sel)].filter((e) => e.offsetParent && e.textContent.trim()).slice(0, 60).map((e) => {
    const a = lum(getComputedStyle(e).color), b = lum(bg(e));
    return [e.textContent.trim().slice(0, 30), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; });
}"""


def test_text_meets_wcag_aa_contrast(page, base_url):
    for path, selector in (("/events?min_confidence=0", "main a, main td, main .score, main .quad, main .muted, main th a, main label"),
                           ("/quotes", "main a, main td, .facet .count, main label"),
                           ("/articles/russia-ukraine-talks", "main .meta, main .muted, main .mention, main .place, main a, .m-negated, .m-future"),
                           ("/network?min_confidence=0", "main .legend-row span, main .status"),
                           ("/", "header.top a, .badge")):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        for text, ratio in page.evaluate(CONTRAST, selector):
            assert ratio >= 4.5, f"{path}: {text!r} has contrast {ratio:.2f}"
    clean(page)


def test_phone_layout_fits_and_the_navigation_is_one_row(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in ("/", "/events", "/actors", "/actors/Q7747", "/quotes", "/places", "/checks", "/pair?a=USA&b=RUS",
                 "/network", "/map", "/analyze", "/api-docs", "/articles/russia-ukraine-talks", "/no-such-page"):
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide"
        nav = page.locator("header.top nav").bounding_box()
        assert nav["height"] < 40, f"{path}: the navigation takes {nav['height']}px"
        sizes = page.eval_on_selector_all("svg text", "ts => ts.filter(t => t.getBBox().width > 0).map(t => parseFloat(getComputedStyle(t).fontSize) * (t.getScreenCTM() ? t.getScreenCTM().a : 1))")
        assert all(s >= 10 for s in sizes), f"{path}: chart text as small as {min(sizes):.1f}px"
    context.close()
