-- Newsroom benchmark dataset, part 1: 12 categories, 30 sources, demo_seed, and the text building blocks the
-- article chunks (articles.sql) pick from. Runs once on a freshly migrated, empty database.
-- Every name is fixed, so the same N always gives the same rows. Only the columns named here are written, so
-- columns added later by migrations (with defaults, triggers or generated values) fill themselves.
\set ON_ERROR_STOP on

-- The demo seeder writes nothing into a database that has this row.
insert into demo_seed (id, seeded_at) values (1, timestamptz '2026-11-01 00:00:00+00');

insert into category (slug, name, created_at, updated_at)
select slug, name, timestamptz '2024-10-01 00:00:00+00', timestamptz '2024-10-01 00:00:00+00'
from (values
    (0, 'politics-and-government', 'Politics and Government'),
    (1, 'business-and-economy', 'Business & Economy'),
    (2, 'world', 'World'),
    (3, 'science-and-technology', 'Science and Technology'),
    (4, 'health', 'Health'),
    (5, 'climate-and-environment', 'Climate and Environment'),
    (6, 'arts-and-culture', 'Arts, Culture & Société'),
    (7, 'sports', 'Sports'),
    (8, 'education', 'Education'),
    (9, 'law-and-justice', 'Law and Justice'),
    (10, 'opinion', 'Opinion «Tribune»'),
    (11, 'local', 'Local News')) as c(k, slug, name)
order by k;

insert into source (slug, name, url, created_at, updated_at)
select slug, name, 'https://' || slug || '.example.org', timestamptz '2024-10-01 00:00:00+00',
       timestamptz '2024-10-01 00:00:00+00'
from (values
    (0, 'nordlicht-zeitung', 'Nordlicht Zeitung'), (1, 'le-quotidien-du-matin', 'Le Quotidien du Matin'),
    (2, 'el-diario-del-sur', 'El Diario del Sur'), (3, 'gazeta-poranna', 'Gazeta Poranna'),
    (4, 'harbour-city-herald', 'Harbour City Herald'), (5, 'o-correio-atlantico', 'O Correio Atlântico'),
    (6, 'dagbladet-fjord', 'Dagbladet Fjord'), (7, 'il-giornale-del-lago', 'Il Giornale del Lago'),
    (8, 'the-valley-ledger', 'The Valley Ledger'), (9, 'kathimerini-nea', 'Καθημερινή Νέα'),
    (10, 'suedwind-kurier', 'Südwind Kurier'), (11, 'la-voix-des-alpes', 'La Voix des Alpes'),
    (12, 'prairie-public-radio', 'Prairie Public Radio'), (13, 'metro-wire', 'Metro Wire'),
    (14, 'helsingin-iltalehti', 'Helsingin Iltalehti'), (15, 'cesky-vecernik', 'Český večerník'),
    (16, 'the-coastal-times', 'The Coastal Times'), (17, 'noticias-del-rio', 'Noticias del Río'),
    (18, 'bergen-morgenpost', 'Bergen Morgenpost'), (19, 'tokyo-evening-report', 'Tokyo Evening Report 東京'),
    (20, 'dublin-quays-journal', 'Dublin Quays Journal'), (21, 'krakow-tygodnik', 'Tygodnik Kraków'),
    (22, 'istanbul-gunluk', 'İstanbul Günlük'), (23, 'the-northern-echo-wire', 'The Northern Echo Wire'),
    (24, 'zuercher-abendblatt', 'Zürcher Abendblatt'), (25, 'reykjavik-daily', 'Reykjavík Daily'),
    (26, 'montreal-matin', 'Montréal Matin'), (27, 'the-civic-observer', 'The Civic Observer'),
    (28, 'sao-paulo-hoje', 'São Paulo Hoje'), (29, 'public-wire-service', 'Public Wire Service')) as s(k, slug, name)
order by k;

-- k -> id, read by the article chunks (ids are whatever the identity columns gave).
create table bench_category_map as
select k, (select id from category where slug = c.slug) as id
from (values (0, 'politics-and-government'), (1, 'business-and-economy'), (2, 'world'),
    (3, 'science-and-technology'), (4, 'health'), (5, 'climate-and-environment'), (6, 'arts-and-culture'),
    (7, 'sports'), (8, 'education'), (9, 'law-and-justice'), (10, 'opinion'), (11, 'local')) as c(k, slug);
create table bench_source_map as
select row_number() over (order by id) - 1 as k, id, slug, url from source;

-- The text pieces. Titles: "<place>: <subject> <action>"; slugs from parallel ASCII arrays.
-- Leads 0-4 contain the common search word "council" (about half the articles); the rare word
-- "wolpertinger" is appended to the lead of about 1 % of the articles and occurs nowhere else.
create table bench_text as
select
    array['Zürich', 'Kraków', 'Málaga', 'Göteborg', 'Reykjavík', 'São Paulo', 'Montréal', 'Thessaloníki',
          'Łódź', 'Besançon', 'Tromsø', 'Köln', 'Århus', 'Dubrovnik', 'Plzeň', 'Coimbra', 'Sevilla', 'Genève',
          'İzmir', 'Québec'] as places,
    array['zurich', 'krakow', 'malaga', 'goteborg', 'reykjavik', 'sao-paulo', 'montreal', 'thessaloniki',
          'lodz', 'besancon', 'tromso', 'koln', 'arhus', 'dubrovnik', 'plzen', 'coimbra', 'sevilla', 'geneve',
          'izmir', 'quebec'] as place_slugs,
    array['city hall', 'regional parliament', 'port authority', 'university', 'transit agency',
          'hospital board', 'water utility', 'supreme court', 'school district', 'national museum',
          'energy regulator', 'housing agency', 'farmers’ union', 'chamber of commerce', 'police',
          'fire service'] as subjects,
    array['city-hall', 'regional-parliament', 'port-authority', 'university', 'transit-agency',
          'hospital-board', 'water-utility', 'supreme-court', 'school-district', 'national-museum',
          'energy-regulator', 'housing-agency', 'farmers-union', 'chamber-of-commerce', 'police',
          'fire-service'] as subject_slugs,
    array['approves a €%s million plan, “not a blank cheque”', 'delays vote on %s new flats',
          'opens inquiry after %s complaints', 'hires %s staff for the winter', 'cuts fares by %s %%',
          'says “no comment” on the %s-page report', 'wins appeal over %s parking spaces',
          'adds %s night trains, to critics’ surprise', 'reports record year: %s visitors',
          'faces strike, talks over %s jobs', 'publishes %s pages of minutes', 'plants %s trees along the river',
          'tests %s electric buses', 'closes %s offices, keeps “core services”',
          'signs deal worth %s million with neighbours', 'asks residents for %s ideas'] as actions,
    array['approves-a-%s-million-plan-not-a-blank-cheque', 'delays-vote-on-%s-new-flats',
          'opens-inquiry-after-%s-complaints', 'hires-%s-staff-for-the-winter', 'cuts-fares-by-%s',
          'says-no-comment-on-the-%s-page-report', 'wins-appeal-over-%s-parking-spaces',
          'adds-%s-night-trains-to-critics-surprise', 'reports-record-year-%s-visitors',
          'faces-strike-talks-over-%s-jobs', 'publishes-%s-pages-of-minutes', 'plants-%s-trees-along-the-river',
          'tests-%s-electric-buses', 'closes-%s-offices-keeps-core-services',
          'signs-deal-worth-%s-million-with-neighbours', 'asks-residents-for-%s-ideas'] as action_slugs,
    array['The %2$s in %1$s said on Tuesday that the decision, taken after months of debate, would “change little for most people”, but opponents disagree.',
          'In %1$s, the %2$s confirmed the figures; a spokesperson added that the details, including costs, will follow “within weeks”.',
          'Residents of %1$s reacted with a mix of relief and scepticism after the %2$s announced the move late on Friday.',
          'A short note from the %2$s in %1$s, published without fanfare, sets out what happens next — and what does not.',
          'What the %2$s in %1$s decided, why it matters, and the questions that remain open, in brief.',
          'The %2$s in %1$s ended a long week with an announcement that surprised even its own staff.',
          'Numbers, quotes and context: the %2$s in %1$s explains its plan, and critics explain theirs.',
          'After a tense meeting in %1$s, the %2$s chose the cautious option; “for now”, said one member.'] as summaries,
    array['%1$s — The city council met on Monday evening to hear the %2$s present its figures (item %3$s on the agenda); several councillors asked for more time.',
          '%1$s — Members of the regional council, who must approve the plan, said they had received the documents from the %2$s only hours before the vote.',
          '%1$s — “We have listened,” the head of the %2$s told the council on Wednesday, before taking questions for almost two hours.',
          '%1$s — The council’s finance committee will examine the proposal by the %2$s next month; a first reading is expected in the spring.',
          '%1$s — An open letter signed by %3$s residents urges the council and the %2$s to publish every contract in full.',
          '%1$s — The %2$s published its decision on a Friday afternoon, a timing that did not go unnoticed.',
          '%1$s — Officials at the %2$s said the change had been planned for years and was “entirely routine”.',
          '%1$s — Journalists waiting outside the %2$s were handed a two-page statement and no answers.',
          '%1$s — The %2$s insists the numbers add up; independent analysts, asked by this newspaper, are less sure.',
          '%1$s — For the %3$s people directly affected, the %2$s promises a helpline, a website and “patience”.'] as leads,
    ' Locals joked that only a wolpertinger could have drawn up the timetable.' as rare_sentence,
    (array[
        $p$The proposal, first floated in a working paper two years ago, would merge three departments into one, move about a hundred posts to the suburbs and sell the old annex on the quay. Supporters say it saves €4.5 million a year; opponents call the savings “optimistic, at best”, and point to the last reorganisation, which took twice as long as planned and cost more than the savings it promised.$p$,
        $p$Ana Müller-Søndergaard, who has run a bakery on the main square for nineteen years, was unimpressed. “They ask us every spring, they write a report every autumn, and then nothing changes,” she said, wiping flour off the counter. “I will believe it when the lorries stop parking in front of my door at six in the morning.” Her neighbour, a locksmith, agreed, but added that the new bus line had helped.$p$,
        $p$The figures are not easy to compare. The 2023 budget counted pensions separately; the 2024 one did not, and the auditors’ note, eleven pages long, says so in a footnote. Adjusted for that, spending rose by 2.8 %, slightly below inflation. Per resident, it comes to €1 214 — more than in Göteborg or Århus, less than in Genève, where salaries, rents and almost everything else cost more.$p$,
        $p$Critics also question the timetable. Work on the first phase is meant to start in March, yet the tender has not been published, the environmental assessment is still “under review” and two of the three sites have not been bought. “It is a plan in the sense that a wish list is a plan,” said Prof. Élodie Brandão, an economist who advised the previous government and now teaches in Coimbra.$p$,
        $p$In a statement, the ministry said it “welcomes every initiative that brings services closer to citizens” and would “study the details carefully”. Asked whether that meant support, a spokesperson declined to elaborate. Officials speaking on condition of anonymity said the ministry had concerns about the cost, the staffing and the legal basis, and would not commit money before the autumn.$p$,
        $p$The idea is not new. Similar schemes were tried in Tromsø in 2011 and in Plzeň in 2015, with mixed results: waiting times fell, but so did the number of people who used the service at all. A 2019 study by the Łódź institute for regional policy found that “proximity matters less than opening hours”, a conclusion the authors of the current plan quote, selectively, in their own summary.$p$,
        $p$Ψηφίστηκε; not yet. The Greek partners in the project, who run a pilot in Thessaloníki, say they are waiting for the European funding round to close. Their own evaluation, due in June, will compare three districts; preliminary numbers suggest savings of 6–9 %, although the authors warn that the sample is small, the winter was mild and “every pilot looks good in its first year”.$p$,
        $p$Unions were divided. The larger one called the plan “a reasonable basis for talks”, provided no one is forced to move; the smaller one, which represents most of the staff in the annex, threatened a work-to-rule campaign. Both want written guarantees about pay, hours and training. Negotiations are due to begin next week, in the presence of a mediator named by the regional labour office.$p$,
        $p$For residents, the most visible change would be the new service desk in the former post office, open six days a week until 20:00. Appointments could be booked online, by telephone or at the desk itself; forms would be available in eight languages, including Polish, Turkish, Portuguese and Tigrinya. “Nobody should need a lawyer to renew a parking permit,” the project leader said.$p$,
        $p$Not everyone is convinced that the desk will be staffed. The job advertisements published so far list twelve positions, of which four are part-time and three are fixed-term. A similar desk opened in Besançon in 2021 with great fanfare; by 2023 it was open two mornings a week. “Buildings are easy; people are hard,” said a former manager there, who asked not to be named.$p$,
        $p$Environmental groups welcomed the plan to sell the annex, a 1970s building with poor insulation and a leaking roof, but asked that the proceeds be spent on the river embankment rather than on new offices. The embankment, damaged in the floods of 2021, still has a 400-metre gap, fenced off with orange barriers that have become something of a local landmark, and a popular backdrop for wedding photographs.$p$,
        $p$Business owners in the old town are more worried about the building works. Two years of scaffolding on the quay, they fear, would drive away tourists who already complain about prices. The chamber of commerce asked for a “construction calendar” agreed with traders, compensation for lost revenue and a ban on heavy vehicles during the Christmas market, which drew 310 000 visitors last year.$p$,
        $p$Online, reactions were predictably split. A petition against the move of the archive gathered 2 400 signatures in three days; a counter-petition, started by students who use the reading room, asked for longer opening hours instead. The archive’s director, Dr. Jiří Novák, said he would “be happy with either, as long as the roof stops leaking onto the nineteenth-century land registers”.$p$,
        $p$The opposition has its own proposal: keep the departments where they are, digitise the paperwork and use the savings to hire staff for the help desk. It costs less, its authors argue, and it could start next month. The majority dismisses it as “a press release, not a plan”, but several of its members privately concede that parts of it, notably the digital forms, are worth copying.$p$,
        $p$Whatever happens, the timetable is tight. The final vote is scheduled for the last session before the summer recess; if it slips, the budget for next year will have to be drafted on the old structure, and the savings — real or imagined — would be postponed by at least twelve months. “Nobody wants that,” said a senior official. “But nobody wants to be blamed for rushing it, either.”$p$,
        $p$Asked about the plan at a press conference, the mayor said only that she had “read every page, twice”, and that she would wait for the committee before taking a position. Her predecessor, who launched the first study in 2019, was less guarded: “It is the right idea, five years late, with half the money it needs.” The committee meets on Thursday; its report, this newspaper understands, is already written.$p$
    ]) as paragraphs;
-- Doubled, so that a window of consecutive paragraphs can start anywhere: paragraphs[s : s + n - 1].
update bench_text set paragraphs = paragraphs || paragraphs;
