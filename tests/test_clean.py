from rag.clean import clean
from tests.conftest import SEEDS


def kept_text(name: str, seen: set[str] | None = None) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return "\n".join(text[s.start : s.end] for s in clean(text, seen))


def test_ticker_comment_form_and_subscribe_box_are_dropped() -> None:
    kept = kept_text("001_bb6512d91f2ca345.txt")
    for furniture in ("Bitcoin", "$123,048.88", "Leave a Comment", "Subscribe", "email address", "OPENVC"):
        assert furniture not in kept
    assert "Admiral Sir Tony Radakin" in kept


def test_donation_appeal_and_explore_further_are_dropped() -> None:
    kept = kept_text("003_1775f877602297d9.txt")
    for furniture in ("Explore further", "Become a patron", "will train, not fight", "zelenskyy-starmer-macron"):
        assert furniture not in kept
    assert "russia continues attacks despite own easter truce" not in kept  # a lower-case teaser
    assert "Second stage: American intelligence sharing" in kept


def test_repeated_body_is_kept_once() -> None:
    kept = kept_text("002_6ef2286ca07460b3.txt")
    assert kept.count("Alexus Grynkewich") == 1
    assert kept.count("declaration of intent") == 1


def test_paragraph_repeated_across_files_is_kept_once() -> None:
    seen: set[str] = set()
    first = kept_text("004_343fc0e0e2615a75.txt", seen)
    text = (SEEDS / "004_343fc0e0e2615a75.txt").read_text()
    copy = "A new article opens with its own words here.\n" + text.splitlines()[0]
    again = "\n".join(copy[s.start : s.end] for s in clean(copy, seen))
    assert text.splitlines()[0] in first
    assert again == "A new article opens with its own words here."


def test_a_wrapped_line_that_goes_on_with_the_sentence_is_kept() -> None:
    # Alone, an all lower-case line without an end mark looks like a keyword dump; after a line
    # that breaks off mid-sentence (as a PDF's lines do) it is the sentence going on.
    text = (
        "Without new places, the county would be short of 1,400 places by 2029. The\n"
        "council plans to meet this by expanding four schools and opening a new secondary\n"
        "school at Fenwick Park in September 2028.\n"
        "\n"
        "russia continues attacks despite own easter truce zelenskyy says ukrainian soldiers\n"
    )
    kept = "\n".join(text[s.start : s.end] for s in clean(text))
    assert "opening a new secondary\nschool at Fenwick Park" in kept
    assert "easter truce" not in kept


def test_a_lower_case_list_item_is_text_not_a_keyword_dump() -> None:
    # Each item ends on a semicolon and starts lower case, as lists in news copy do: they had
    # been dropped as keyword dumps, and "What will the mission do?" lost two of its three tasks.
    text = (
        "The mission will:\n"
        "- patrol the routes of the main power and data cables on the seabed;\n"
        "- track ships of the shadow fleet and report suspicious behaviour to coastal states;\n"
        "- share radar and satellite data between the navies of the region.\n"
    )
    kept = "\n".join(text[s.start : s.end] for s in clean(text))
    assert "patrol the routes" in kept
    assert "track ships of the shadow fleet" in kept


def test_a_markdown_tables_rule_keeps_its_header_with_its_rows() -> None:
    text = "## Libraries\n\n| Library | Visits a week |\n|---|---|\n| Ashby Road | 410 |\n| Millgate | 285 |\n"
    table = "| Library | Visits a week |\n|---|---|\n| Ashby Road | 410 |\n| Millgate | 285 |"
    assert [text[s.start : s.end] for s in clean(text)][-1] == table


def test_a_sentence_that_says_subscribe_or_sign_up_is_text() -> None:
    """A call to the reader is furniture; the same words in a sentence about people are text (the
    garden waste paragraph of a committee's notes had been dropped from the index)."""
    text = (
        "Garden waste. Members noted that the annual garden waste charge will rise to £52. About 19,000 "
        "households subscribe to the service.\nResidents can sign up for the scheme online.\n"
        "Subscribe to Blog via Email\nShare on Facebook | Share on X\n"
        "Enter your email address to subscribe to this blog and receive notifications of new posts by email."
    )
    kept = "\n".join(text[s.start : s.end] for s in clean(text))
    assert "19,000 households subscribe" in kept and "sign up for the scheme" in kept
    for furniture in ("Blog via Email", "Share on", "Enter your email"):
        assert furniture not in kept
