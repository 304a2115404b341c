"""Who took part in the main event and who is only mentioned, read beyond the main sentence:
texts written here, with invented people (and famous ones where offices are the point)."""

import datetime as dt

from articles.extraction import extract

TODAY = dt.date(2026, 11, 23)


def main_of(text):
    return next(e for e in extract(text, today=TODAY).events if e.main)


def test_people_named_in_the_next_sentences_of_the_lead_take_part():
    text = (
        "Leaders meet in Samara\n\n"
        "SAMARA, 14 May 2024 - Delegations of three regions met in Samara on Tuesday. "
        "Deputy Prime Minister Samir Karimov welcomed the guests. "
        "Governor of the Samara Region Ivan Petrov attended the ceremony.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]


def test_both_sides_of_between():
    text = (
        "Talks\n\nA meeting between Deputy Prime Minister Samir Karimov and Governor of the "
        "Tula Region Oleg Bondar took place in Baku on 3 March 2024.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Oleg Bondar"]


def test_the_spokesman_announcing_is_mentioned_even_by_surname_later():
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov met Governor Ivan Petrov in Baku on 3 "
        "March 2024, spokesman for the Foreign Ministry Anton Belov said. Belov added that "
        "the talks were held in a friendly atmosphere.\n"
    )
    main = main_of(text)
    assert main.participants == ["Samir Karimov", "Ivan Petrov"]
    assert "Anton Belov" in main.mentioned


def test_a_leader_remembered_is_not_a_participant():
    text = (
        "Visit\n\nDeputy Prime Minister Samir Karimov visited Samara on 3 March 2024 and laid a "
        "wreath at the grave of the late Governor Ivan Petrov. The visit was held to mark the "
        "anniversary of Ivan Petrov.\n"
    )
    assert main_of(text).participants == ["Samir Karimov"]


def test_what_is_still_to_come_is_not_what_happened():
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov held talks with Governor Ivan Petrov in "
        "Samara on 3 March 2024. He will also meet Mayor of Samara Oleg Bondar.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]


def test_an_earlier_meeting_with_its_own_date_is_background():
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov held talks with Governor Ivan Petrov in "
        "Samara on 3 March 2024. Karimov first met Mayor Oleg Bondar in Kazan on 5 May 2019.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]


def test_a_quotation_counts_only_by_its_attribution():
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov held talks with Governor Ivan Petrov in "
        'Samara on 3 March 2024. "We met Mayor Oleg Bondar many times," Petrov said. '
        '"The talks were useful," Minister of Economy Anna Belova said at the ceremony.\n'
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov", "Anna Belova"]


def test_people_of_a_headline_that_tells_a_meeting():
    text = (
        "Lavrov and Bayramov hold talks in Moscow\n\n"
        "The foreign ministers discussed the region on Monday.\n"
    )
    assert main_of(text).participants == ["Sergey Lavrov", "Jeyhun Bayramov"]
    text = (
        "Lavrov criticises Bayramov\n\nMOSCOW, 3 March 2023 - The foreign ministers of the "
        "two countries disagreed on the future of the region, officials said on Friday.\n"
    )
    assert main_of(text).participants == []


def test_the_speaker_of_a_statement_takes_part_in_it():
    text = (
        "Ministry responds\n\nThe report is misleading, Spokesperson for the Ruritanian Foreign "
        "Ministry Anna Belova said in a commentary on 4 March 2024.\n"
    )
    assert main_of(text).participants == ["Anna Belova"]
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov met Governor Ivan Petrov on 4 March 2024, "
        "Spokesperson for the Ruritanian Foreign Ministry Anna Belova said.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]


def test_told_reporters_about_it_but_after_meeting_takes_part():
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov met Governor Ivan Petrov in Samara on 3 "
        "March 2024. Minister of Economy Oleg Orlov told reporters that the meeting was useful.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov told reporters after meeting Governor "
        "Ivan Petrov in Samara on 3 March 2024 that the plant would open.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]


def test_bylines_and_places_named_after_people_never_take_part():
    text = (
        "Talks in Baku\n\nBy Staff Correspondent Ivan Petrov\n\n"
        "Ilham Aliyev received Sergey Lavrov at the Heydar Aliyev Palace on 3 March 2023.\n"
    )
    main = main_of(text)
    assert main.participants == ["Ilham Aliyev", "Sergey Lavrov"]


def test_offices_resolve_to_their_holders_on_the_event_date():
    text = "Talks\n\nSergey Lavrov met his Azerbaijani counterpart in Moscow on 3 March 2023.\n"
    assert main_of(text).participants == ["Sergey Lavrov", "Jeyhun Bayramov"]
    text = (
        "Talks\n\nVladimir Putin held talks with the presidents of Armenia and Azerbaijan in "
        "Sochi on 10 August 2014.\n"
    )
    assert main_of(text).participants == ["Vladimir Putin", "Serzh Sargsyan", "Ilham Aliyev"]


def test_offices_on_the_other_side_of_an_earlier_agreement_are_not_resolved():
    text = (
        "Minister in Baku\n\nBAKU, 2 June 2017 - The Foreign Minister arrived in Baku on "
        "Friday. His trip follows from your agreement with the presidents of Russia and "
        "Kazakhstan, he told his host.\n"
    )
    assert "Vladimir Putin" not in main_of(text).participants
    text = (
        "Summit\n\nThe summit in Sochi on 10 August 2014 was the result of agreements "
        "reached by the presidents of Armenia and Azerbaijan.\n"
    )
    assert main_of(text).participants == []


def test_offices_stay_unresolved_without_a_country_or_a_date():
    text = "Talks\n\nThe two presidents met in Sochi on 10 August 2014.\n"
    assert main_of(text).participants == []
    text = "Talks\n\nSergey Lavrov met his Azerbaijani counterpart in Moscow.\n"
    assert main_of(text).participants == ["Sergey Lavrov"]


def test_offices_of_a_meeting_still_to_come_stay_unresolved():
    text = (
        "Visit\n\nSergey Lavrov will discuss the region with the Foreign Minister of Azerbaijan "
        "during his visit to Baku on 11-12 March 2009.\n"
    )
    assert main_of(text).participants == ["Sergey Lavrov"]


def test_a_commentator_outside_the_lead_is_mentioned_unless_speaking_at_the_event():
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov met Governor Ivan Petrov in Samara on 3 "
        "March 2024. Political analyst Oleg Orlov said the meeting was a turning point.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov met Governor Ivan Petrov in Samara on 3 "
        "March 2024. During the meeting, Minister of Economy Oleg Orlov stressed that trade "
        "was growing.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov", "Oleg Orlov"]


def test_a_future_inside_a_quotation_does_not_make_the_sentence_future():
    text = (
        "Talks\n\nDeputy Prime Minister Samir Karimov met Governor Ivan Petrov in Samara on 3 "
        'March 2024. During the meeting, Mayor Oleg Bondar said that "the plant will open".\n'
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov", "Oleg Bondar"]


def test_russian_lead_participants_and_the_mentioned():
    text = (
        "Встреча в Москве\n\n"
        "Глава МИД России Сергей Лавров выразил сожаление в связи с отказом министра "
        "иностранных дел Армении Арарата Мирзояна приехать в Москву. В ходе встречи со своим "
        "коллегой из Азербайджана Джейхуном Байрамовым Лавров сообщил о планах на год.\n"
    )
    assert main_of(text).participants == ["Sergey Lavrov", "Jeyhun Bayramov"]
    text = (
        "Визит\n\nДелегация во главе с председателем Милли Меджлиса Сахибой Гафаровой прибыла в "
        "Москву для участия в мероприятиях, посвященных 100-летию великого лидера Гейдара "
        "Алиева. Гафарову встретил председатель Государственной Думы Вячеслав Володин.\n"
    )
    assert main_of(text).participants == ["Sahiba Gafarova", "Vyacheslav Volodin"]


def test_people_of_an_earlier_event_recalled_in_a_lead_sentence_are_mentioned():
    text = (
        "Talks\n\nRuritania's Ambassador Oleg Bondar met Deputy Foreign Minister Samir Karimov "
        "in Baku on 30 December 2025. Bondar stressed the importance of implementing the "
        "agreements reached between Presidents Ilham Aliyev and Vladimir Putin in Dushanbe.\n"
    )
    main = main_of(text)
    assert main.participants == ["Oleg Bondar", "Samir Karimov"]
    assert {"Ilham Aliyev", "Vladimir Putin"} <= set(main.mentioned)


def test_people_of_a_meeting_that_only_dates_something_to_come_are_mentioned():
    text = (
        "Centre\n\nThe cultural centre in Baku will open after the meeting of Presidents Ilham "
        "Aliyev and Vladimir Putin, Deputy Head of the Agency Oleg Bondar said on 10 October "
        "2025.\n"
    )
    main = main_of(text)
    assert not {"Ilham Aliyev", "Vladimir Putin"} & set(main.participants)


def test_a_line_of_site_tags_names_no_participant():
    text = (
        "Home Politics Ilham Aliyev Victory Road World Cup Peace Summit Economy\n"
        "In Baku, Deputy Prime Minister Samir Karimov met Governor Ivan Petrov on 13 October "
        "2025.\n"
    )
    main = main_of(text)
    assert "Ilham Aliyev" not in main.participants
    assert {"Samir Karimov", "Ivan Petrov"} <= set(main.participants)


def test_a_headline_in_title_case_is_not_a_line_of_tags():
    text = (
        "Ilham Aliyev Holds Talks With Russian Delegation In Baku\n\n"
        "The talks in Baku on 13 October 2025 focused on trade and transport links.\n"
    )
    assert main_of(text).participants == ["Ilham Aliyev"]


def test_prose_wrapped_at_a_fixed_width_is_not_a_line_of_tags():
    # The middle line has no punctuation and many capitalised words, but goes on with the
    # sentence the line above began.
    text = (
        "Ministers meet\n\n"
        "    SAMARA, 14 May 2024 (Agency) - Deputy Prime Minister Samir Karimov\n"
        "    met with Regional Development Minister Ivan Petrov in Samara\n"
        "    on Tuesday to discuss the river port.\n"
    )
    assert main_of(text).participants == ["Samir Karimov", "Ivan Petrov"]


def _planned_summit(closing: str) -> str:
    return (
        "Summit to open in Atyrau\n\n3 May 2031\n\n"
        "The summit of the river states opens on 6 May in Atyrau.\n\n"
        "The river is long. It has many fish. Boats carry grain on it. Its delta is wide. "
        "Floods come each spring. Bridges cross it in six places.\n\n" + closing + "\n"
    )


def test_a_planned_event_s_people_named_further_on_as_attending_take_part():
    text = _planned_summit(
        "The summit will be attended by the leaders of the states (President Aidar Temirov "
        "and Prime Minister Ruslan Kasenov)."
    )
    event = next(e for e in extract(text, today=dt.date(2031, 5, 3)).events if e.main)
    assert event.participants == ["Aidar Temirov", "Ruslan Kasenov"]


def test_a_later_event_s_attendance_is_not_this_one_s():
    text = (
        "Summit in Atyrau\n\nThe summit of the river states was held on 6 May 2031 in Atyrau.\n\n"
        "The river is long. It has many fish. Boats carry grain on it. Its delta is wide. "
        "Floods come each spring. Bridges cross it in six places.\n\n"
        "The next summit will be attended by President Aidar Temirov.\n"
    )
    assert main_of(text).participants == []
    # Further on, only a sentence telling who attends counts, not any meeting sentence.
    text = _planned_summit("President Aidar Temirov will meet the press in June.")
    event = next(e for e in extract(text, today=dt.date(2031, 5, 3)).events if e.main)
    assert event.participants == []


def test_delegations_listed_side_by_side_take_part():
    text = (
        "Talks in Minsk\n\nMINSK, 14 May 2024 - Talks on the border opened in Minsk on Tuesday. "
        "Taking part from the Belarusian side are Deputy Prime Minister Oleg Sidorenko and "
        "Deputy Foreign Minister Pavel Lisovsky. From the Latvian side - Deputy Prime "
        "Minister Andris Kalnins.\n"
    )
    assert main_of(text).participants == ["Oleg Sidorenko", "Pavel Lisovsky", "Andris Kalnins"]


def test_russian_delegations_listed_side_by_side_take_part():
    text = (
        "Переговоры в Минске\n\n14 мая 2024 года\n\nВ Минске во вторник начались переговоры "
        "о границе. С белорусской стороны в переговорах участвуют вице-премьер Олег "
        "Сидоренко. С латвийской стороны — вице-премьер Андрей Калинин.\n"
    )
    assert main_of(text).participants == ["Oleg Sidorenko", "Andrey Kalinin"]


def test_a_side_sentence_after_something_else_adds_no_one():
    text = (
        "Talks in Minsk\n\nMINSK, 14 May 2024 - Talks on the border opened in Minsk on Tuesday. "
        "The weather was cold. From the Latvian side, Andris Kalnins criticised the plan.\n"
    )
    assert "Andris Kalnins" not in main_of(text).participants
