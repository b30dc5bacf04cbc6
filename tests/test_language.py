"""The shared language layer: sentences, stems."""

import pytest


def test_a_clock_time_runs_on_into_its_time_zone() -> None:
    from tracker.matching.text import sentences

    text = "Norland left the union at 11 p.m. Dellan time, ten months late. Doors open at 9 a.m. Tickets are gone."
    assert sentences(text) == ["Norland left the union at 11 p.m. Dellan time, ten months late.",
                               "Doors open at 9 a.m.", "Tickets are gone."]


def test_a_letter_naming_a_series_ends_a_sentence_an_initial_does_not() -> None:
    from tracker.language.sentences import split_sentences

    got = [s.text for s in split_sentences("We showed our next console, the Vantor Series X. Vantor Series X will "
                                           "arrive in 2027. Ada B. Brennan said so.")]
    assert got == ["We showed our next console, the Vantor Series X.", "Vantor Series X will arrive in 2027.",
                   "Ada B. Brennan said so."]


@pytest.mark.parametrize("forms", [("use", "uses", "used", "using"), ("axe", "axes", "axed", "axing"),
                                   ("sue", "sues", "sued", "suing"), ("ship", "ships", "shipped", "shipping"),
                                   ("hire", "hires", "hired", "hiring")])
def test_every_form_of_a_verb_meets_at_one_stem(forms: tuple[str, ...]) -> None:
    """News says "axed" where the lexicon says "axe": a short stem must survive -es, -ed and -ing."""
    from tracker.matching.text import stem
    assert len({stem(f) for f in forms}) == 1, [stem(f) for f in forms]


def test_an_acronyms_plural_meets_its_singular() -> None:
    """"scraps its 400,000 EV target" is about the promised "400,000 EVs"; a word that only ends in capitals
    plus "s" keeps its own stem."""
    from tracker.matching.text import stem
    assert stem("EVs") == stem("EV") and stem("SUVs") == stem("SUV") and stem("PCs") == stem("PC")
    assert stem("GAS") != stem("GA")


def test_the_country_that_acts_is_the_texts_country_not_the_most_named_place() -> None:
    """A story about flights to Peru names Peru more often; the government acting is Norway's."""
    from tracker.language.governments import main_country

    text = ("The first flights to Peru will leave in May. The Peru scheme was agreed last year, and officials "
            "said flights to Peru would run weekly. Norway has paid for the flights.")
    assert main_country(text) == "Norwegian government"


def test_a_story_filed_from_a_capital_is_about_its_country_before_one_only_named_as_a_place() -> None:
    """"the Peru flights" and "the Safety of Peru Bill" name a place; the dateline says where the government
    speaking sits. A country that acts still comes first, and ties fall to the next clue."""
    from tracker.language.governments import main_country

    text = ("OSLO, May 2 - The prime minister said the first flights to Peru would leave in June.\n\n"
            "The Peru flights were agreed under the Safety of Peru Act.")
    assert main_country(text) == "Norwegian government"
    assert main_country(text.replace("OSLO", "HARBURY")) == "Peruvian government"
    assert main_country("LIMA, May 2 - Chile has launched two satellites. Peru is on course to launch one.") \
        == "Peruvian government"


def test_a_text_that_never_names_its_country_is_about_it_by_its_adjective() -> None:
    """"the Norwegian Republic" and "Norwegian companies" name no country, but say which one; a single
    adjective ("a Norwegian bank lent the money") is only where a company comes from."""
    from tracker.language.governments import main_country

    assert main_country("The bridge opens on the Norwegian Republic's national day, built by Norwegian firms.") \
        == "Norwegian government"
    assert main_country("The bridge opens in May; a Norwegian bank lent the money.") is None
