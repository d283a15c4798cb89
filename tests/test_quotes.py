"""Tests for toolkit.annotate.quotes: spans, speakers, cues and kinds on news snippets
written for these tests (not copied from the corpus or the gold sets)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import schema
from toolkit.annotate.quotes import Quote, find_quotes, naive_quotes, quotes

# (id, text, [(quoted words, speaker, speaker mention or None, cue, kind)])
CASES = [
    (
        "x_said_after_name_introduced_earlier",
        "Drones struck two districts of the city, Mayor Ihor Terekhov said. Crews worked "
        "through the night.\n\n“Those are ordinary sites of peaceful life - those that should "
        "never be targeted,” Terekhov wrote on Telegram.",
        [("Those are ordinary sites of peaceful life - those that should never be targeted",
          "Ihor Terekhov", "Terekhov", "wrote on Telegram", "direct")],
    ),
    (
        "said_x_with_title",
        '"We will rebuild every house," said Governor Oleh Kiper of the Odesa region.',
        [("We will rebuild every house", "Oleh Kiper", "Governor Oleh Kiper", "said", "direct")],
    ),
    (
        "x_said_colon",
        'Foreign Minister Andrii Sybiha said: "Russia must stop the strikes now."',
        [("Russia must stop the strikes now.", "Andrii Sybiha", "Foreign Minister Andrii Sybiha",
          "said", "direct")],
    ),
    (
        "organisation_speaker",
        '"Air defence destroyed 40 of the 45 drones launched overnight," the ministry said in a '
        "statement.",
        [("Air defence destroyed 40 of the 45 drones launched overnight", "the ministry",
          "the ministry", "said in a statement", "direct")],
    ),
    (
        "pronoun_resolved_to_last_person",
        "Defence Minister Anna Kovalenko visited the front on Monday.\n\n"
        '"The situation near the city is difficult but under control," she told reporters.',
        [("The situation near the city is difficult but under control", "Anna Kovalenko", "she",
          "told reporters", "direct")],
    ),
    (
        "pronoun_prefers_previous_speaker",
        '"The bridge is open again," said engineer Petro Bondar. Police chief Ivan Lysenko '
        'was also at the site.\n\n"We checked every support beam twice," he added.',
        [("The bridge is open again", "Petro Bondar", "engineer Petro Bondar", "said", "direct"),
         ("We checked every support beam twice", "Petro Bondar", "he", "added", "direct")],
    ),
    (
        "multi_paragraph_continuation",
        '"We have lost power in three districts and crews are working to restore it.\n\n'
        '"Residents should stay in shelters until the alert is over," the governor said.',
        [("We have lost power in three districts and crews are working to restore it.",
          "the governor", "the governor", "said", "direct"),
         ("Residents should stay in shelters until the alert is over", "the governor",
          "the governor", "said", "continuation")],
    ),
    (
        "nested_single_inside_double",
        "\"When the soldiers told me, 'Leave now, it is not safe,' I took my children and ran,\" "
        "said Olena Petrenko, a teacher from Izium.",
        [("When the soldiers told me, 'Leave now, it is not safe,' I took my children and ran",
          "Olena Petrenko", "Olena Petrenko", "said", "direct")],
    ),
    (
        "scare_quotes_and_title_are_not_speech",
        'The so-called "referendum" was dismissed by Kyiv. A documentary titled "Twenty Days '
        'in Mariupol" won an award, and the "Special Military Operation" went on.',
        [],
    ),
    (
        "british_single_quotes_with_apostrophes",
        "'We will not give up an inch of our land,' Mr Zelensky told the BBC. Russia's troops "
        "didn't move, unlike in the '90s.",
        [("We will not give up an inch of our land", "Zelensky", "Mr Zelensky", "told the BBC",
          "direct")],
    ),
    (
        "according_to_with_role",
        "According to Kharkiv regional head Oleh Syniehubov, \"three people were killed and "
        'dozens were wounded in the attack."',
        [("three people were killed and dozens were wounded in the attack.", "Oleh Syniehubov",
          "Kharkiv regional head Oleh Syniehubov", "according to", "direct")],
    ),
    (
        "interrupted_quote_same_paragraph",
        '"The attack was deliberate," Zelenskyy said. "They targeted a hospital full of '
        'patients."',
        [("The attack was deliberate", "Zelenskyy", "Zelenskyy", "said", "direct"),
         ("They targeted a hospital full of patients.", "Zelenskyy", "Zelenskyy", "said",
          "continuation")],
    ),
    (
        "partial_quote_inside_paraphrase",
        'Officials said the strike on the market was "a clear war crime" and promised an '
        "inquiry.",
        [("a clear war crime", "Officials", "Officials", "said", "partial")],
    ),
    (
        "participle_cue_takes_clause_subject",
        "President Volodymyr Zelenskyy condemned the attack on Tuesday, saying, \"This is terror "
        'against civilians."',
        [("This is terror against civilians.", "Volodymyr Zelenskyy",
          "President Volodymyr Zelenskyy", "saying", "direct")],
    ),
    (
        "role_before_full_name",
        '"The claims are absurd," Russian Foreign Ministry spokeswoman Maria Zakharova said in a '
        "statement.",
        [("The claims are absurd", "Maria Zakharova",
          "Russian Foreign Ministry spokeswoman Maria Zakharova", "said in a statement", "direct")],
    ),
    (
        "inverted_cue_after_adverb",
        '"The first batch has arrived," thus wrote Defence Minister Oleksii Reznikov.',
        [("The first batch has arrived", "Oleksii Reznikov", "Defence Minister Oleksii Reznikov",
          "wrote", "direct")],
    ),
    (
        "flattened_paragraphs_continuation",
        "The agency wrote: “Exports fell by a third in a year. “Prices, however, doubled.” "
        "Officials declined to comment.",
        [("Exports fell by a third in a year.", "the agency", "The agency", "wrote", "direct"),
         ("Prices, however, doubled.", "the agency", "The agency", "wrote", "continuation")],
    ),
    (
        "pronoun_after_place_name_sentence_end",
        "Serhiy Kovalenko drove to Kyiv. He told reporters: \"The road was empty and dark.\"",
        [("The road was empty and dark.", "Serhiy Kovalenko", "He", "told reporters", "direct")],
    ),
    (
        "pronoun_gender_from_titles",
        "Prime Minister Sanna Marin met Jens Stoltenberg in Helsinki. Ms Marin thanked "
        "Mr Stoltenberg for his support.\n\n\"We are ready to join,\" she said.",
        [("We are ready to join", "Sanna Marin", "she", "said", "direct")],
    ),
    (
        "pronoun_skips_place_names",
        "Senator Mark Hollis returned from the United States on Friday.\n\n"
        '"The aid package is ready," he said.',
        [("The aid package is ready", "Mark Hollis", "he", "said", "direct")],
    ),
    (
        "inverted_capitalised_cue",
        'Said Governor Vitaliy Kim, "The city will hold."',
        [("The city will hold.", "Vitaliy Kim", "Governor Vitaliy Kim", "said", "direct")],
    ),
    (
        "coordinated_predicate_takes_subject",
        "Mayor Vitali Klitschko toured the district and later said, \"Every window here is "
        'broken."',
        [("Every window here is broken.", "Vitali Klitschko", "Mayor Vitali Klitschko", "later said",
          "direct")],
    ),
    (
        "cue_led_fragment_running_on_is_partial",
        'The minister testified "hundreds" of shells had landed near the plant.',
        [("hundreds", "the minister", "The minister", "testified", "partial")],
    ),
    (
        "group_speakers_kept_whole",
        '"Three drones were shot down," Ukrainian officials said. "The bridge is closed to '
        'traffic," police said.\n\n"We are ready for talks," Russia\'s Foreign Ministry said.',
        [("Three drones were shot down", "Ukrainian officials", "Ukrainian officials", "said",
          "direct"),
         ("The bridge is closed to traffic", "police", "police", "said", "direct"),
         ("We are ready for talks", "Russia's Foreign Ministry", "Russia's Foreign Ministry",
          "said", "direct")],
    ),
    (
        "appositive_skipped_but_not_a_name_after_a_comma",
        '"We are ready," Oksana Marchenko, head of the village council, said.\n\n'
        "After the vote in the Rada, Speaker Ruslan Stefanchuk (Servant of the People), said, "
        '"The law passes."',
        [("We are ready", "Oksana Marchenko", "Oksana Marchenko", "said", "direct"),
         ("The law passes.", "Ruslan Stefanchuk", "Speaker Ruslan Stefanchuk", "said",
          "direct")],
    ),
    (
        "pronoun_skips_group_speaker",
        "Defence Minister Oleksii Reznikov visited Kharkiv.\n\n"
        '"Three drones were shot down," Ukrainian officials said.\n\n'
        '"We need more air defence," he said.',
        [("Three drones were shot down", "Ukrainian officials", "Ukrainian officials", "said",
          "direct"),
         ("We need more air defence", "Oleksii Reznikov", "he", "said", "direct")],
    ),
    (
        "cue_led_quote_followed_by_participle",
        "Asked about the shelling, the governor replied pointedly: \"It will not break us,\" "
        "adding that repairs had begun.",
        [("It will not break us", "the governor", "the governor", "replied", "direct")],
    ),
    (
        "long_appositive_after_name",
        '"We expect a hard winter," Andriy Sadovyi, the mayor of Lviv and a former candidate '
        "for president, said on Monday.",
        [("We expect a hard winter", "Andriy Sadovyi", "Andriy Sadovyi", "said", "direct")],
    ),
    (
        "that_clause_lead_in_is_partial",
        "The minister warned that if the dam failed, \"the whole valley will be under water "
        'within hours."',
        [("the whole valley will be under water within hours.", "the minister", "The minister",
          "warned", "partial")],
    ),
    (
        "typewriter_double_apostrophes",
        "''The talks are over for now,'' said the Kremlin spokesman Dmitry Peskov.",
        [("The talks are over for now", "Dmitry Peskov", "the Kremlin spokesman Dmitry Peskov",
          "said", "direct")],
    ),
    (
        "next_sentence_with_its_own_clause_is_not_the_attribution",
        '"The dam held," Mayor Iryna Koval told reporters. "Water levels are falling." '
        "Engineer Taras Hnatiuk said he would inspect the gates on Friday.",
        [("The dam held", "Iryna Koval", "Mayor Iryna Koval", "told reporters", "direct"),
         ("Water levels are falling.", "Iryna Koval", "Mayor Iryna Koval", "told reporters",
          "continuation")],
    ),
    (
        "attribution_sentence_of_its_own_after_a_full_stop",
        'The mayor spoke after the meeting. "Water levels are falling." Koval said on Friday.',
        [("Water levels are falling.", "Koval", "Koval", "said", "direct")],
    ),
    (
        "speakerless_quote_paragraph_then_attributed_paragraph",
        "Farmers met in the square.\n\n\u201cThe harvest is the worst in a decade.\u201d\n\n"
        "\u201cWe cannot pay for fuel or seed,\u201d farmer Mykola Shevchuk said.",
        [("The harvest is the worst in a decade.", "Mykola Shevchuk", "farmer Mykola Shevchuk",
          "said", "direct"),
         ("We cannot pay for fuel or seed", "Mykola Shevchuk", "farmer Mykola Shevchuk",
          "said", "continuation")],
    ),
    (
        "quote_paragraph_after_a_quote_with_long_attribution",
        '"The shelter is full," volunteer Dana Moroz said outside the station in the center '
        'of town, where dozens waited.\n\n"We need blankets and water more than anything."',
        [("The shelter is full", "Dana Moroz", "volunteer Dana Moroz", "said", "direct"),
         ("We need blankets and water more than anything.", "Dana Moroz",
          "volunteer Dana Moroz", "said", "continuation")],
    ),
    (
        "more_reporting_verbs",
        'Petra Lind blogged: "Turnout will decide this race."\n\n'
        '"Nobody expected the vote to be this close," confessed the campaign manager.\n\n'
        '"That number is simply wrong," reacted Governor Alan Price.',
        [("Turnout will decide this race.", "Petra Lind", "Petra Lind", "blogged", "direct"),
         ("Nobody expected the vote to be this close", "the campaign manager",
          "the campaign manager", "confessed", "direct"),
         ("That number is simply wrong", "Alan Price", "Governor Alan Price", "reacted",
          "direct")],
    ),
    (
        "any_finite_verb_after_subject_closing_the_quote",
        '"The queue was four hours long, and nobody told us why," Maria Hordiienko griped '
        "outside the consulate.\n\n"
        '"It will not reopen before spring," And the council voted again.',
        [("The queue was four hours long, and nobody told us why", "Maria Hordiienko",
          "Maria Hordiienko", "griped", "direct"),
         ("It will not reopen before spring", "", None, "", "partial")],
    ),
    (
        "colon_then_straight_mark_without_space",
        'Senator Ruth Adler (D-Maine):"We will not vote for this budget."',
        [("We will not vote for this budget.", "Ruth Adler", "Senator Ruth Adler", ":",
          "direct")],
    ),
    (
        "bidi_format_character_before_a_reversed_mark",
        "Readers answered the post.\n\n\u202a\u201dThis is the best news of the whole "
        "week!!\u201d wrote Ivan Melnyk.",
        [("This is the best news of the whole week!!", "Ivan Melnyk", "Ivan Melnyk", "wrote",
          "direct")],
    ),
    (
        "cue_leading_into_the_next_quote_is_not_the_previous_attribution",
        "Oksana Lysak praised the repairs. She says the new dam is \u201ca solid piece of "
        "work.\u201d He adds, \u201cIt will hold for fifty years at least.\u201d",
        [("a solid piece of work.", "Oksana Lysak", "She", "says", "partial"),
         ("It will hold for fifty years at least.", "Oksana Lysak", "He", "adds", "direct")],
    ),
    (
        "led_in_cue_kept_as_last_resort_for_a_short_partial_quote",
        "The storm was \u201conly a warning.\u201d He added: \u201cThe levees must be raised "
        "this year.\u201d",
        [("only a warning.", "he", "He", "added", "partial"),
         ("The levees must be raised this year.", "he", "He", "added", "direct")],
    ),
    (
        "abbreviation_at_sentence_end_is_not_an_initial_of_the_speaker",
        "Refugees wrote to the PM. Sarah Greene met them at the station.\n\n"
        '"They are exhausted," she said.',
        [("They are exhausted", "Sarah Greene", "she", "said", "direct")],
    ),
    (
        "quote_paragraph_signed_by_a_dash_line",
        "The fact check follows.\n\n"
        '"Wages have gone up faster here than anywhere else in the region."\n\n'
        "- Governor Marta Kuzmenko, in a radio interview.\n\n"
        "The figure is out of date.",
        [("Wages have gone up faster here than anywhere else in the region.", "Marta Kuzmenko",
          "Governor Marta Kuzmenko", "-", "direct")],
    ),
    (
        "plural_noun_after_the_subject_is_no_verb",
        'Cheers rose from the square.\n\n"We want a new vote, and we want it now," Kyiv '
        "students marched on.",
        [("We want a new vote, and we want it now", "", None, "", "partial")],
    ),
    (
        "hyphenated_premodifier_before_the_speaker",
        'The visit ended.\n\n"The bridge was not on the agenda," tight-and-tired Mayor Petro Osyp '
        "said.",
        [("The bridge was not on the agenda", "Petro Osyp", "tight-and-tired Mayor Petro Osyp",
          "said", "direct")],
    ),
    (
        "determiner_subject_then_any_past_tense_verb",
        'The clip ended.\n\n"Put simply, the plan has no money behind it," the party\'s deputy '
        "leader riffed on the radio before the break.",
        [("Put simply, the plan has no money behind it", "the party's deputy leader",
          "the party's deputy leader", "riffed", "direct")],
    ),
    (
        "participle_object_is_no_cue",
        'The clip ended.\n\n"Put simply, the plan has no money behind it," the party\'s deputy '
        "leader riffed on the radio, drawing laughs.",
        [("Put simply, the plan has no money behind it", "the party's deputy leader",
          "the party's deputy leader", "riffed", "direct")],
    ),
    (
        "capitalised_phrase_after_question_mark_is_a_new_sentence",
        'The aide shrugged.\n\n"Who would pay for a second bridge?" The ministry '
        "blamed the budget.",
        [("Who would pay for a second bridge?", "", None, "", "direct")],
    ),
    (
        "reversed_mark_opening_a_paragraph",
        "The paper disagreed.\n\n\u201d \u2026 if the governor can visit the flooded towns, so "
        "can the candidate,\u201d the editorial read.",
        [("\u2026 if the governor can visit the flooded towns, so can the candidate",
          "the editorial", "the editorial", "read", "direct")],
    ),
    (
        "adverb_now_between_subject_and_cue",
        'The site changed overnight.\n\n"This is your campaign now," it now says on the front '
        "page.",
        [("This is your campaign now", "it", "it", "now says", "direct")],
    ),
    (
        "short_quote_right_after_an_attributed_quote_is_speech",
        '"The numbers do not add up," analyst Ruta Kalnina said. "Never." Markets fell.\n\n'
        '"It was a good year," the trader said. "Record" sales were reported.',
        [("The numbers do not add up", "Ruta Kalnina", "analyst Ruta Kalnina", "said",
          "direct"),
         ("Never.", "Ruta Kalnina", "analyst Ruta Kalnina", "said", "continuation"),
         ("It was a good year", "the trader", "the trader", "said", "direct")],
    ),
    (
        "weekday_is_not_part_of_the_speaker",
        'Chairman Anton Moyer later Thursday told Radio Lviv: "The depot reopens in June."'
        '\n\nOn Friday Hnatiuk said: "We will send more buses to the region."',
        [("The depot reopens in June.", "Anton Moyer", "Chairman Anton Moyer", "told",
          "direct"),
         ("We will send more buses to the region.", "Hnatiuk", "Hnatiuk", "said", "direct")],
    ),
    (
        "participle_right_after_an_attribution_takes_its_speaker",
        "The driver turned back before the checkpoint, rabbi Ivan Tkach said, adding, \"He "
        'never stopped here before."',
        [("He never stopped here before.", "Ivan Tkach", "rabbi Ivan Tkach", "adding",
          "direct")],
    ),
    (
        "long_leading_adjunct_before_the_subject",
        "Asked whether the long-standing freeze on arms exports to the region would be lifted "
        "before the summit next spring, adviser Tomas Lind did not answer but told reporters: "
        '"Nothing is on the table."',
        [("Nothing is on the table.", "Tomas Lind", "adviser Tomas Lind", "told reporters",
          "direct")],
    ),
    (
        "capitalised_function_words_are_no_speakers",
        'Statement: "We have paused all shipments to the region until further notice."\n\n'
        'His spokesperson told reporters: "The minister supports the inquiry fully."\n\n'
        'However, the mayor said: "We will rebuild the school by spring."\n\n'
        'Another added: "Nobody here believes that promise."',
        [("We have paused all shipments to the region until further notice.", "", None, "",
          "direct"),
         ("The minister supports the inquiry fully.", "his spokesperson", "His spokesperson",
          "told reporters", "direct"),
         ("We will rebuild the school by spring.", "the mayor", "the mayor", "said", "direct"),
         ("Nobody here believes that promise.", "Another", "Another", "added", "direct")],
    ),
    (
        "indefinite_pronoun_after_cue",
        'Planes wrote messages in the sky.\n\n"Vote them all out," read one.\n\n'
        '"We have waited here since dawn," said another.',
        [("Vote them all out", "one", "one", "read", "direct"),
         ("We have waited here since dawn", "another", "another", "said", "direct")],
    ),
    (
        "long_appositive_pushes_the_cue_out",
        '"A very good reporter, a very good one," Mayor Ostap Dudka, the frontrunner in the '
        "city race and by a wide margin the best-funded candidate of the season after winning "
        "the primary in March with the support of both of the large unions of the port, said "
        "on Monday.",
        [("A very good reporter, a very good one", "Ostap Dudka", "Mayor Ostap Dudka", "said",
          "direct")],
    ),
    (
        "own_clause_quote_with_its_own_attribution_is_direct",
        'Union leader Halyna Vovk said in a statement. "The factory will close in May," as '
        "workers left the gates.",
        [("The factory will close in May", "Halyna Vovk", "Union leader Halyna Vovk",
          "said in a statement", "direct")],
    ),
    (
        "news_digest_item_with_source_tag",
        "WHAT'S BREWING.\n\nGRAIN PRICES HIT A NEW HIGH \u201cFarmers are holding back their "
        "stocks and waiting for spring.\u201d [Kyiv Post.]",
        [("Farmers are holding back their stocks and waiting for spring.", "Kyiv Post",
          "Kyiv Post", "[]", "direct")],
    ),
    (
        "quote_as_object_of_a_sentence_initial_participle",
        'Citing "urgent family matters at home," the minister\'s spokeswoman said the trip was '
        "cancelled.\n\n"
        'Receiving "one small payment a year from the state" is no help, the union said.',
        [("urgent family matters at home", "the minister's spokeswoman",
          "the minister's spokeswoman", "said", "direct"),
         ("one small payment a year from the state", "", None, "", "partial")],
    ),
    (
        "parenthetical_and_dash_quotes_after_a_paraphrase",
        "The mayor said that the budget was tight - \"We cut every line twice,\" she said - "
        "and promised new buses.\n\n"
        "Some residents stayed home after the shelling (\"We are too old to run,\" one "
        "pensioner said).",
        [("We cut every line twice", "she", "she", "said", "direct"),
         ("We are too old to run", "one pensioner", "one pensioner", "said", "direct")],
    ),
    (
        "time_and_participle_adjuncts_before_the_subject",
        "Eight years ago, activist Marko Hrytsak backed the mayor and said, \"He has never done "
        'anything for us."\n\n'
        "Arriving at the summit, Chancellor Eva Lind said she would not comment but added: "
        '"Stability matters most now."',
        [("He has never done anything for us.", "Marko Hrytsak", "activist Marko Hrytsak",
          "said", "direct"),
         ("Stability matters most now.", "Eva Lind", "Chancellor Eva Lind", "added", "direct")],
    ),
    (
        "subject_and_past_tense_verb_before_a_colon",
        "The rally ended late.\n\nShe later addressed the volunteers once more: \"This is the "
        'part I find hardest."\n\nIt seemed simple: "Every house on this street needs a roof."',
        [("This is the part I find hardest.", "she", "She", "addressed", "direct"),
         # 'It seemed' is no attribution: the speaker is inherited from the quote before
         ("Every house on this street needs a roof.", "she", "She", "addressed",
          "direct")],
    ),
    (
        "tight_list_of_unattributed_quote_lines_is_one_quote",
        "He spoke in slogans during the interview.\n\n"
        "\u201cThe trains must run on time again.\u201d\n"
        "\u201cThe schools must open in September.\u201d\n\n"
        "\u201cNobody in this city will stop us now.\u201d",
        [("The trains must run on time again.", "", None, "", "direct"),
         ("The schools must open in September.", "", None, "", "continuation"),
         ("Nobody in this city will stop us now.", "", None, "", "direct")],
    ),
    (
        "had_this_to_say_and_inverted_said_before_a_participle",
        "A study from the Kyiv School of Economics had this to say about the plan: \"Most of "
        'the money would go to the richest households."\n\n'
        "Alongside the union's protest, even a senior party strategist said the vote was "
        'close, adding, "We could lose this one."\n\n'
        "Over 900 schools were damaged, said Education Minister Oksen Lisovyi, noting: "
        '"Dozens are gone for good."',
        [("Most of the money would go to the richest households.",
          "a study from the Kyiv School of Economics",
          "A study from the Kyiv School of Economics", "had this to say", "direct"),
         ("We could lose this one.", "a senior party strategist",
          "a senior party strategist", "adding", "direct"),
         ("Dozens are gone for good.", "Oksen Lisovyi", "Education Minister Oksen Lisovyi",
          "noting", "direct")],
    ),
    (
        "headline_quote_running_on_in_title_case_is_partial",
        "Mayor Koval: \u2018Not Yet\u2019 Time To Reopen The Bridge\n\n"
        "The mayor spoke on Monday.",
        [("Not Yet", "Koval", "Mayor Koval", ":", "partial")],
    ),
    (
        "headline_quote_after_colon_takes_the_headline_subject",
        "The dockers' union: 'Strike on Monday.'\n\nDockers voted on Friday.",
        [("Strike on Monday.", "the dockers' union", "The dockers' union", ":", "direct")],
    ),
    (
        "straight_mark_after_full_stop_without_space_opens",
        '"The market is empty," said trader Oleh Bilyk, who sells fish near the port."We '
        'have not had a buyer since noon."',
        [("The market is empty", "Oleh Bilyk", "trader Oleh Bilyk", "said", "direct"),
         ("We have not had a buyer since noon.", "Oleh Bilyk", "trader Oleh Bilyk", "said",
          "continuation")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES],
                         ids=[c[0] for c in CASES])
def test_find_quotes(text: str, expected: list[tuple]) -> None:
    found = find_quotes(text)
    got = [(q.text, q.speaker, text[q.speaker_start : q.speaker_end] if q.speaker_start >= 0
            else None, q.cue, q.kind) for q in found]
    assert got == expected
    for q in found:
        assert text[q.start : q.end] == q.text
        assert 0.0 <= q.confidence <= 1.0


def test_seed_quote(seed_path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    found = [q for q in find_quotes(text) if q.text.startswith("Those are ordinary sites")]
    assert len(found) == 1
    q = found[0]
    assert q.text == ("Those are ordinary sites of peaceful life - those that should never be "
                      "targeted")
    assert (q.speaker, q.cue, q.kind) == ("Ihor Terekhov", "wrote on Telegram", "direct")
    assert text[q.speaker_start : q.speaker_end] == "Terekhov"
    assert text[q.start - 1] == "“" and text[q.end : q.end + 2] == ",”"


@pytest.mark.parametrize(
    "text",
    [
        'The mayor said "the shelling has not stopped since morning and people are afraid.\n\n'
        "Later he visited the site.",
        'He said: "one" and "two" and "three',
        '"', "''", "'", "“”", '"""', "‘", "He said ”this is odd“ today.",
    ],
)
def test_odd_marks_are_flagged_never_raise(text: str) -> None:
    found = find_quotes(text)
    for q in found:
        assert text[q.start : q.end] == q.text
    if text.startswith("The mayor said"):
        assert len(found) == 1 and found[0].unbalanced
        assert found[0].text.startswith("the shelling has not stopped")
        assert found[0].speaker == "the mayor"


def test_balanced_marks_are_not_flagged() -> None:
    text = '"We are ready," the general said.'
    assert [q.unbalanced for q in find_quotes(text)] == [False]


@pytest.mark.parametrize("text", ["", "No quotes here at all.", "Russia's troops don't stop."])
def test_no_quotes(text: str) -> None:
    assert find_quotes(text) == []


def test_quotes_frame_matches_schema() -> None:
    frame = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "text": ['"We will rebuild," said Mayor Anna Lysenko.', None,
                 '"The talks failed," the ministry said. "We expected more."'],
    })
    out = quotes(frame)
    assert list(out.columns) == schema.columns("quotes")
    assert out["doc_id"].tolist() == ["a", "c", "c"]
    assert out["quote_id"].tolist() == [0, 0, 1]
    for row in out.itertuples():
        text = frame.set_index("doc_id").loc[row.doc_id, "text"]
        assert text[row.start : row.end] == row.text
    assert out["speaker"].tolist() == ["Anna Lysenko", "the ministry", "the ministry"]
    only_direct = quotes(frame, kinds=("direct",))
    assert only_direct["kind"].unique().tolist() == ["direct"]


def test_quotes_empty_and_missing_columns() -> None:
    empty = quotes(pd.DataFrame({"doc_id": ["a"], "text": ["nothing quoted"]}))
    assert empty.empty and list(empty.columns) == schema.columns("quotes")
    with pytest.raises(KeyError, match="Available columns"):
        quotes(pd.DataFrame({"id": [1], "body": ["x"]}))


def test_naive_baseline_has_same_table() -> None:
    out = naive_quotes(pd.DataFrame({"doc_id": ["a"], "text": ['"Hello there," Anna said.']}))
    assert list(out.columns) == schema.columns("quotes")
    assert out["text"].tolist() == ["Hello there,"]


def test_quote_is_a_namedtuple_with_offsets() -> None:
    assert Quote._fields[:2] == ("start", "end")


_ALPHABET = "ab Zx.,:;!?\n-—'\"“”‘’«»`()0"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_any_text_never_raises_and_offsets_hold(text: str) -> None:
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "partial", "continuation")
        assert (q.speaker_start == -1) == (q.speaker_end == -1)
        if q.speaker_start >= 0:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)


@pytest.mark.parametrize(("context", "expected"), [
    (0, None),
    (12, "engineer: ¶ '[[The water is falling]]'. ¶ Crews wor"),
])
def test_scorer_error_context(tmp_path, context: int, expected: str | None) -> None:
    """``brat.score(..., context=N)`` adds the text around each error (here a miss)."""
    from toolkit.evaluate import brat

    text = "Said the dam engineer:\n'The water is falling'.\nCrews worked all night.\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "d.txt").write_text(text, encoding="utf-8")
    s = text.index("'The")
    e = text.index("'.") + 1
    (tmp_path / "attributions" / "d_x.ann").write_text(
        f"T1\tContent {s} {e}\t{text[s:e]}\nE1\tAttribution:T1 Content:T1\n",
        encoding="utf-8")
    docs = brat.read_brat(tmp_path)
    result = brat.score(docs, lambda frame: schema.empty("quotes"), context=context)
    assert [err["error"] for err in result.errors] == ["missed"]
    assert result.errors[0].get("context") == expected


# Title fragments glued to a speaker's name (issue 4): "<role> of <organisation/place>
# <Person Name>" names the person only; organisations keep their full names.
# (id, text, [(speaker, speaker mention)])
SPEAKER_CASES = [
    ("role_of_country_then_name",
     '"The bridge will reopen in spring," President of Moldova Elena Rusu said on Friday.',
     [("Elena Rusu", "President of Moldova Elena Rusu")]),
    ("chief_of_staff_and_a_later_surname",
     '"We have no deal yet," White House Chief of Staff Daniel Brookes said.\n\n'
     'Later Brookes added: "Talks go on next week."',
     [("Daniel Brookes", "White House Chief of Staff Daniel Brookes"),
      ("Daniel Brookes", "Brookes")]),
    ("secretary_general_of_the_united_nations_and_he",
     '"Aid must reach the port this week," Secretary-General of the United Nations Tomas '
     'Alvarenga said.\n\n"No ship may be stopped," he added.',
     [("Tomas Alvarenga", "Secretary-General of the United Nations Tomas Alvarenga"),
      ("Tomas Alvarenga", "he")]),
    ("said_role_of_place_name",
     '"Our grain ships will sail," said President of Ukraine Marko Hrytsenko on Monday.',
     [("Marko Hrytsenko", "President of Ukraine Marko Hrytsenko")]),
    ("said_the_role_of_portfolio_name",
     '"Our grain ships will sail," said the Minister of Foreign Affairs Dana Kovalenko.',
     [("Dana Kovalenko", "the Minister of Foreign Affairs Dana Kovalenko")]),
    ("portfolio_with_and_and_acronym",
     '"Chips are a strategic good now," said Minister of Trade and ICT Park Min Jun.',
     [("Park Min Jun", "Minister of Trade and ICT Park Min Jun")]),
    ("gazetteer_city_after_mayor_of",
     '"Shelling went on all night," the mayor of Sumy Ivan Petrenko said.',
     [("Ivan Petrenko", "the mayor of Sumy Ivan Petrenko")]),
    ("unknown_company_surname_stands_alone_elsewhere",
     '"Prices will fall by winter," the head of Vartex Oleh Sadovy said.\n\n'
     "Sadovy told reporters the depot was safe.",
     [("Oleh Sadovy", "the head of Vartex Oleh Sadovy")]),
    ("ambassador_to_the_un",
     '"We will veto the draft," Ambassador to the U.N. Carla Mendes said.',
     [("Carla Mendes", "Ambassador to the U.N. Carla Mendes")]),
    ("diplomat_in_country",
     '"Aid will continue through the winter," the top U.S. diplomat in Moldova Carol Stenson '
     "said.",
     [("Carol Stenson", "the top U.S. diplomat in Moldova Carol Stenson")]),
    ("mp_title_stripped",
     '"The law is simply wrong," Labour MP Jane Holloway said.',
     [("Jane Holloway", "Labour MP Jane Holloway")]),
    ("person_of_state_is_the_person",
     '"The bill will pass next week," Democratic Rep. Laura Finch of New Jersey said.\n\n'
     '"We have the votes," she added.',
     [("Laura Finch", "Democratic Rep. Laura Finch of New Jersey"), ("Laura Finch", "she")]),
    ("person_of_an_institute_is_the_person",
     '"The front has not moved in a month," Pavel Hrabec of the Prague Defence Institute '
     "said.",
     [("Pavel Hrabec", "Pavel Hrabec of the Prague Defence Institute")]),
    ("title_alone_is_the_articles_holder_of_that_title",
     '"We will send more aid to the front," Defence Secretary Tom Hale said on Monday.\n\n'
     '"It is still not enough," the Defence Secretary added.',
     [("Tom Hale", "Defence Secretary Tom Hale"), ("Tom Hale", "the Defence Secretary")]),
    ("title_with_two_holders_stays_a_title",
     'President Anna Berg met President Karl Moss in Riga. "We agreed on a great deal today," '
     "the President said.",
     [("the President", "the President")]),
    ("another_former_holder_is_not_the_holder",
     '"We will send more aid to the front," Defence Secretary Tom Hale said on Monday.\n\n'
     '"That is far too little," another former Defence Secretary said.',
     [("Tom Hale", "Defence Secretary Tom Hale"),
      ("Defence Secretary", "another former Defence Secretary")]),
    ("title_before_a_particle_surname",
     "Pieter van Dijk runs the port of Rotterdam.\n\n"
     '"The new deal is done and signed," said Mr van Dijk.',
     [("Pieter van Dijk", "Mr van Dijk")]),
    ("capitalised_diplomat_title",
     '"I resigned in protest over the war," Diplomat Igor Marchenko said.',
     [("Igor Marchenko", "Diplomat Igor Marchenko")]),
    # organisations stay whole
    ("organisation_of_place_stays_whole",
     '"Attacks rose again in the south," the Ministry of Defence said.',
     [("the Ministry of Defence", "the Ministry of Defence")]),
    ("organisation_with_three_capitalised_words_stays_whole",
     '"We need food for millions of people," the World Food Programme said.',
     [("World Food Programme", "the World Food Programme")]),
    ("role_of_organisation_keeps_the_whole_organisation_name",
     '"Aid convoys are blocked at the border," the executive director of the World Food '
     "Programme said.",
     [("World Food Programme", "the executive director of the World Food Programme")]),
    ("role_of_organisation_without_a_person_keeps_the_phrase",
     '"Stocks are low in every region," said the director of the Global Food Programme. '
     "The Programme said it would ask for more.",
     [("the director", "the director")]),
    ("place_then_organisation_is_not_a_person",
     '"Prices are up for everyone," the head of the Lviv Bakers Association said. '
     "The Association said bread would cost more.",
     [("Lviv Bakers Association", "the head of the Lviv Bakers Association")]),
    ("a_plural_title_phrase_is_no_antecedent",
     'Tom Berger met Ukrainian MPs on Friday. "We stand with you all," he said.',
     [("Tom Berger", "he")]),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in SPEAKER_CASES],
                         ids=[c[0] for c in SPEAKER_CASES])
def test_speaker_without_title_fragments(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(q.speaker, text[q.speaker_start : q.speaker_end]) for q in find_quotes(text)]
    assert got == expected



def _letters(i: int) -> str:
    """A letters-only suffix per number (12 -> 'bc'), so that each invented surname differs."""
    return str(i).translate(str.maketrans("0123456789", "abcdefghij"))


@pytest.mark.parametrize("unit", [
    # one speaker quoted again and again
    "“The road stays open,” said Governor of Vell Marra Oskar Lind. ",
    # a different speaker each time
    "“The road stays open,” said Governor of Vell Marra Oskar Lind{}. ",
])
def test_many_attributions_take_linear_time(unit: str) -> None:
    """Whether a speaker glued to an organisation is named on their own elsewhere is looked up
    once per name, not by rescanning the article for each quote (80,000 characters of
    attributions took seconds of CPU that way; well under one now)."""
    import time

    parts = [unit.format(_letters(i)) for i in range(80_000 // len(unit))]
    text = "".join(parts)
    start = time.process_time()
    found = find_quotes(text)
    assert len(found) == len(parts)
    assert time.process_time() - start < 2.0


def test_unresolved_pronoun_speakers_have_one_spelling():
    from toolkit.annotate.quotes import PRONOUN_SPEAKERS

    text = ('"We will rebuild the bridge," they said.\n\n'
            'They added: "The school opens in May."\n\n'
            '"I will sign it today," I said.')
    speakers = [q.speaker for q in find_quotes(text)]
    assert speakers == ["they", "they", "I"]
    assert set(speakers) <= PRONOUN_SPEAKERS


@pytest.mark.parametrize(("text", "speaker"), [
    ('President Jan Novak toured the port. "We will rebuild it," the President said.', "Jan Novak"),
    ('President of Moldova Jan Novak toured the port. "We will rebuild it," the President said.',
     "Jan Novak"),
    # two holders of the title, or none named: the title stays
    ('President Jan Novak met President Ann Lee. "We agree," the President said.', "the President"),
    ('The President of the Assembly opened the session. "We begin," the President said.',
     "the President"),
])
def test_a_bare_title_is_the_articles_one_holder(text, speaker):
    assert [q.speaker for q in find_quotes(text)] == [speaker]


@pytest.mark.parametrize(("text", "speakers"), [
    # a person who speaks between the quotes takes the pronoun ...
    ('"Prices will fall," Minister Olena Hrytsak said.\n\nRegulator chief Taras Melnyk said the cap '
     'had to rise. He said: "We had no other choice."', ["Olena Hrytsak", "Taras Melnyk"]),
    ('"The line holds," said Colonel Ivan Boyko. Petra Lindqvist, 41, told the radio the '
     'front was quiet. "Nobody expects a push before spring," she added.',
     ["Ivan Boyko", "Petra Lindqvist"]),
    # ... one merely named does not
    ('"The line holds," said Colonel Ivan Boyko. Analyst Petra Lindqvist visited the unit. '
     '"Nobody expects a push before spring," he added.', ["Ivan Boyko", "Ivan Boyko"]),
])
def test_a_pronoun_goes_to_whoever_spoke_last(text, speakers):
    assert [q.speaker for q in find_quotes(text)] == speakers


@pytest.mark.parametrize(("text", "speakers"), [
    # a he/she that opens its sentence goes to the named subject of the sentence before it
    ('"The shelter is full," said volunteer Marta Kovac. Her neighbour, Dariusz Wolny, was at the '
     'station all night. He said: "We need more blankets."', ["Marta Kovac", "Dariusz Wolny"]),
    ('"Trains run late," said Anna Berg. Former minister Tomas Lind toured the depot on Friday. '
     'He told reporters: "The lines need money."', ["Anna Berg", "Tomas Lind"]),
    ('Minister Eva Lund, who met Prime Minister Ola Strand, visited the port on Monday. '
     'She said: "Exports will recover by spring."', ["Eva Lund"]),
    # ... or to the person that sentence ends by quoting
    ('"We will win," President Ivan Sorokin said. He ended the interview by quoting former '
     'President Karl Weber. He said: "Never give up a good harbour."',
     ["Ivan Sorokin", "Karl Weber"]),
    # a person who speaks past a long appositive, or who is the appositive
    ('"Prices will fall," said Minister Olena Hrytsak. Taras Melnyk, chief executive of the grid '
     'operator Ukrenergo, said the cap had to rise. He said: "We had no other choice."',
     ["Olena Hrytsak", "Taras Melnyk"]),
    ('"The mine is safe," said engineer Petro Bondar. The head of the union, Jan Novak, said the '
     'strike would go on. "We will not back down," he added.', ["Petro Bondar", "Jan Novak"]),
    # must not steal: the previous speaker is the subject; the new person is an object, one of
    # two, a possessor, or named after a participle ('El Pais, acknowledging')
    ('"The bridge is open again," said engineer Petro Bondar. Bondar met Mayor Ivan Lysenko at '
     'the site. He said: "We checked every support beam twice."', ["Petro Bondar", "Petro Bondar"]),
    ('"The bridge is open again," said engineer Petro Bondar. The crew thanked Ivan Lysenko for '
     'his help. He said: "We checked every support beam twice."', ["Petro Bondar", "Petro Bondar"]),
    ('"The bridge is open again," said engineer Petro Bondar. Ivan Lysenko and Olga Marchuk came '
     'later. He said: "We checked every support beam twice."', ["Petro Bondar", "Petro Bondar"]),
    ('"The bridge is open again," said engineer Petro Bondar. Ivan Lysenko\'s team came later. '
     'He said: "We checked every support beam twice."', ["Petro Bondar", "Petro Bondar"]),
    ('"The alliance will help," Jens Halvorsen told the newspaper Dagens Post, acknowledging that '
     'talks were slow. "We stay the course," he said.', ["Jens Halvorsen", "Jens Halvorsen"]),
    # a subject after which the quote comes first ('"...," he added') does not take it either
    ('"The bridge is open again," said engineer Petro Bondar. Police chief Ivan Lysenko was also '
     'at the site.\n\n"We checked every support beam twice," he added.',
     ["Petro Bondar", "Petro Bondar"]),
])
def test_a_sentence_opening_pronoun_goes_to_the_subject_before_it(text, speakers):
    assert [q.speaker for q in find_quotes(text)] == speakers


class _CountingPattern:
    """Wraps a compiled regex and adds up how many characters its searches are given."""

    def __init__(self, pattern, counter: list[int]) -> None:
        self.pattern, self.counter = pattern, counter

    def _count(self, string: str, pos: int, endpos: int | None) -> None:
        self.counter[0] += max(0, min(len(string), endpos if endpos is not None else len(string))
                               - pos)

    def search(self, string, pos=0, endpos=None):
        self._count(string, pos, endpos)
        return self.pattern.search(string, pos, len(string) if endpos is None else endpos)

    def finditer(self, string, pos=0, endpos=None):
        self._count(string, pos, endpos)
        return self.pattern.finditer(string, pos, len(string) if endpos is None else endpos)

    def match(self, string, pos=0, endpos=None):
        return self.pattern.match(string, pos, len(string) if endpos is None else endpos)


# one long sentence of scare quotes (dropped, so every lead-in starts at the sentence start)
_LONG_LEADS = ['the memo used terms like "item{}" and ', "the memo called it: \"item{}\" and ",
               "the memo used terms like 'item{}' and "]


@pytest.mark.parametrize("unit", _LONG_LEADS)
def test_long_lead_ins_are_read_in_linear_time(unit, monkeypatch):
    """Characters given to the lead-in searches (cues, the noun phrase before a colon, a
    weekday at its end) grow linearly with a sentence of many dropped quotes: reading each
    lead-in whole made them grow with its square (4x the quotes: about 16x the characters)."""
    import toolkit.annotate.quotes as q

    counter = [0]
    for name in ("_CUE", "_NP_END", "_DAY_EDGE"):
        monkeypatch.setattr(q, name, _CountingPattern(getattr(q, name), counter))

    def scanned(n: int) -> int:
        counter[0] = 0
        text = "In the end, " + "".join(unit.format(_letters(i)) for i in range(n)) + "more."
        assert find_quotes(text) == []  # all scare quotes
        return counter[0]

    small, large = scanned(100), scanned(400)
    assert large < 6 * small, (small, large)


_LEAD_WORDS = ["said", "told", "according to", "wrote", "adding", "later", "Jane", "Doe", "Mr",
               "the", "minister", "on", "Monday", "and", "but", "'quote'", ",", ":", "(R-Ohio)",
               "-", "—", "\u00a0", "   ", "’s", "of", "Ukraine", "officials", '"x"', "In"]
_NO_CUE_WORDS = _LEAD_WORDS[6:]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LEAD_WORDS), max_size=100),
       st.lists(st.sampled_from(_NO_CUE_WORDS), min_size=90, max_size=200),
       st.lists(st.sampled_from(_LEAD_WORDS), max_size=12), st.booleans())
def test_long_lead_in_shortcut_changes_nothing(head, middle, tail, colon):
    """_before_attr with the article's _LeadScan (which reads a long lead-in only from a
    barrier near its end) gives what reading the whole lead-in gives, with cues near the
    quote, far from it (before a long stretch without one) or none."""
    from toolkit.annotate.quotes import _before_attr, _LeadScan

    text = " ".join(head + middle + tail) + (":" if colon else "") + ' "We will see."'
    open_at = text.rindex('"We')
    assert _before_attr(text, open_at, 0, _LeadScan(text)) == _before_attr(text, open_at, 0)


@pytest.mark.parametrize(("text", "speakers"), [
    # a person known by one name who speaks takes the pronoun ...
    ('"The lines are long," said Ivan Petrenko. Oksana, a nurse from Kharkiv, told us the clinic '
     'was full. "We sleep here in shifts," she said.', ["Ivan Petrenko", "Oksana"]),
    # ... but the first name of the previous speaker is that speaker
    ('"The lines are long," said nurse Oksana Melnyk. Oksana said the clinic was full. '
     '"We sleep here in shifts," she added.', ["Oksana Melnyk", "Oksana Melnyk"]),
    # a function word, or a common word capitalised at a sentence start, is no one
    ('"The lines are long," said Ivan Petrenko. Others said the clinic was full. '
     '"We sleep here in shifts," he added.', ["Ivan Petrenko", "Ivan Petrenko"]),
    ('"The lines are long," said Ivan Petrenko. Hope says the clinic will stay open, though hope '
     'is scarce here. "We sleep here in shifts," he added.', ["Ivan Petrenko", "Ivan Petrenko"]),
])
def test_a_speaker_known_by_one_name_takes_the_pronoun(text, speakers):
    assert [q.speaker for q in find_quotes(text)] == speakers
