"""Filling calculators from a question's figures: a table of wordings → the calculator and the arguments it
runs with. Each row is a general usage the router must read (a synonym of a goal, a unit written short, a
figure that is context rather than an input); routing_dev*.yaml measure the router as a whole."""

from __future__ import annotations

from typing import Any

import pytest

from tests.assistant.test_routing import routed

CASES: list[tuple[str, str, str | None, dict[str, Any]]] = [
    # id, question, calculator (None: the reports answer), arguments the calculator runs with
    (
        "weighted-inflected",
        "Journalisering fylder 40 % og kan effektiviseres 50 %, opfølgning fylder 30 % med 20 %. Vægtede potentiale?",
        "task_weighted_potential",
        {"tasks": [{"share_pct": 40, "efficiency_pct": 50}, {"share_pct": 30, "efficiency_pct": 20}]},
    ),
    (
        "salary-per-month-short",
        "8 årsværk, 31.000 kr./md., 25 % – besparelse?",
        "fte_savings",
        {"fte": 8, "monthly_salary": 31000, "efficiency_pct": 25},
    ),
    (
        "realisable-english",
        "We have 10 FTE at an annual cost of DKK 500,000 each and can free up 20 percent, but only 50 percent is realisable now. "
        "What do we save?",
        "fte_savings",
        {"fte": 10, "annual_cost_per_fte": 500000, "efficiency_pct": 20, "realisable_pct": 50},
    ),
    (
        "price-times-count-with-a-stray-count",
        "Licensen koster 900 kr. pr. bruger om året, og vi har 300 brugere fordelt på 6 afdelinger. "
        "Hvad bliver udgiften?",
        "unit_rate_scaling",
        {"rate": 900, "count": 300},
    ),
    (
        "channel-e-commerce",
        "If we move 1,000 purchases a year from phone orders (DKK 150 each) to e-commerce (DKK 60 each), "
        "what do we save?",
        "channel_shift",
        {"volume": 1000, "cost_from": 150, "cost_to": 60},
    ),
    (
        "channel-imperative-from-to",
        "Flyt 5.000 ansøgninger fra skranken (120 kr.) til selvbetjening (8 kr.) – gevinst?",
        "channel_shift",
        {"volume": 5000, "cost_from": 120, "cost_to": 8},
    ),
    (
        "channel-instead",
        "Vi har 10.000 hjemmebesøg om året til 300 kr. stykket. Hvis de i stedet bliver videobesøg til 100 kr., "
        "hvor meget sparer vi så?",
        "channel_shift",
        {"volume": 10000, "cost_from": 300, "cost_to": 100},
    ),
    (
        "benchmark-per-thousand-in-words",
        "Vi er 30 årsværk om 1.500 sager; de bedste ligger på 15 årsværk pr. tusind sager. Hvor stort er gabet?",
        "benchmark_gap",
        {"own_fte": 30, "cases": 1500, "target_per_1000": 15},
    ),
    (
        "business-case-horizon-and-population",
        "En kommune med 40.000 indbyggere investerer 2 mio. kr. i et system, der giver 600.000 kr. i årlig "
        "gevinst. Hvad er resultatet over seks år?",
        "business_case",
        {"investment": 2_000_000, "annual_gain": 600_000, "years": 6},
    ),
    (
        "business-case-english-running-cost",
        "We invest DKK 3 million and save DKK 800,000 a year, with running costs of DKK 200,000 a year. "
        "What is the payback and the 6-year NPV at a 3 percent discount rate?",
        "business_case",
        {"investment": 3_000_000, "annual_gain": 800_000, "annual_cost": 200_000, "years": 6, "discount_rate_pct": 3},
    ),
    (
        "percent-in-kroner",
        "Budgettet er 500 mio. kr., og målet er at finde 2 pct. Hvad svarer det til i kroner?",
        "percent_of",
        {"amount": 500_000_000, "pct": 2},
    ),
    (
        "how-much-more-in-words",
        "Hvor meget mere er fire millioner end halvanden million?",
        "difference",
        {"a": 4_000_000, "b": 1_500_000},
    ),
    (
        "deviation",
        "Prognosen lyder på 12 mio. kr., mens regnskabet viser 10,5 mio. kr. Hvor stor er afvigelsen?",
        "difference",
        {"a": 12_000_000, "b": 10_500_000},
    ),
    (
        "full-time-in-two-words",
        "Vi har 180 åbne sager og 150 timer om ugen, og fuld tid er 36 timer. Hvor mange sager pr. fuldtidsansat?",
        "cases_per_fte",
        {"cases": 180, "weekly_hours": 150, "hours_per_fte": 36},
    ),
    (
        "yearly-cost-by-its-size",
        "We have twelve FTEs at DKK 480,000 each. If we become 15 percent more efficient, what do we save?",
        "fte_savings",
        {"fte": 12, "annual_cost_per_fte": 480_000, "efficiency_pct": 15},
    ),
    (
        "monthly-salary-by-its-size",
        "Vi har 6 årsværk à 34.000 kr. og kan frigøre 20 %. Hvad sparer vi?",
        "fte_savings",
        {"fte": 6, "monthly_salary": 34_000, "efficiency_pct": 20},
    ),
    (
        "lookup-of-a-report-result",
        "Hvor mange årsværk for meget havde kommunen med 81,49 årsværk og 2.948 sager?",
        None,
        {},
    ),
    (
        "own-figure-over-the-reports",
        "Rapporten regner med 6 minutter pr. faktura, men vores egen måling viser, at vi sparer 4 minutter pr. "
        "faktura. Vi behandler 20.000 fakturaer om året til en timepris på 400 kr. Hvad er gevinsten?",
        "time_savings",
        {"minutes_saved_per_unit": 4, "units_per_year": 20000, "hourly_rate": 400},
    ),
    (
        "english-own-figure-over-the-reports",
        "The report assumes DKK 500,000 per FTE, but our own price is DKK 430,000 per FTE. We have 6 FTE and can "
        "free up 20 percent. What do we save?",
        "fte_savings",
        {"fte": 6, "annual_cost_per_fte": 430000, "efficiency_pct": 20},
    ),
    # verbs that ask what figures come to, with words between their parts, and goal words in other forms
    (
        "runs-up-with-words-between",
        "Hvad løber en arbejdstime op i, når lønnen er 31.200 kr. om måneden?",
        "hourly_cost",
        {"monthly_salary": 31200},
    ),
    (
        "bottom-line-ftes",
        "What's that worth on the bottom line: 6 FTEs at DKK 450k each and a 25% efficiency gain?",
        "fte_savings",
        {"fte": 6, "annual_cost_per_fte": 450000, "efficiency_pct": 25},
    ),
    (
        "prevent-is-avoid",
        "Kan vi forebygge 20 % af de 150 indlæggelser om året til 40.000 kr. stykket, hvad er det værd?",
        "avoided_cost",
        {"volume": 150, "unit_cost": 40000, "avoided_share_pct": 20},
    ),
    (
        "does-it-pay",
        "Investering 800.000 kr., gevinst 200.000 kr. om året. Kan det betale sig over fem år?",
        "business_case",
        {"investment": 800000, "annual_gain": 200000, "years": 5},
    ),
    (
        "roll-out-to-our-count",
        "The pilot saved DKK 300k on 50 citizens. If we roll it out to 400 citizens, what can we expect?",
        "rate_scaling",
        {"example_amount": 300000, "example_count": 50, "own_count": 400},
    ),
    (
        "the-bill",
        "What's the bill for 85 laptops at DKK 7,200 each?",
        "unit_rate_scaling",
        {"rate": 7200, "count": 85},
    ),
    (
        "how-much-is-it-in-year-n",
        "Vi skærer 2 % om året i tre år på et budget på 40 mio. kr. Hvor meget er det i år tre?",
        "baseline_reduction",
        {"baseline": 40000000, "yearly_pcts": [2, 2, 2]},
    ),
    # a yearly count or gain stated per month or week is scaled to a year; a monthly salary stays a salary
    (
        "count-per-month-after-its-noun",
        "Vi behandler ca. 2.000 ansøgninger om måneden, og hver tager 5 minutter kortere. Hvor mange timer frigør det?",
        "time_savings",
        {"minutes_saved_per_unit": 5, "units_per_year": 24000},
    ),
    (
        "gain-per-month",
        "Systemet koster 600.000 kr. og sparer 20.000 kr. om måneden. Hvornår er det tjent hjem?",
        "business_case",
        {"investment": 600000, "annual_gain": 240000},
    ),
    (
        "count-per-week",
        "Vi flytter 200 opkald om ugen fra telefon (40 kr.) til chat (12 kr.). Hvad sparer vi om året?",
        "channel_shift",
        {"volume": 10400, "cost_from": 40, "cost_to": 12},
    ),
    # one in N is a share («hver tiende», «one in four»), and a channel that «bliver digital» is a channel shift
    (
        "every-tenth-hour",
        "Hvad frigør det at fjerne hver tiende arbejdstime på 15 årsværk til 470.000 kr. pr. årsværk?",
        "fte_savings",
        {"fte": 15, "efficiency_pct": 10, "annual_cost_per_fte": 470000},
    ),
    (
        "one-in-five-avoided",
        "We buy 80 external assessments a year at DKK 30,000 each. If one in five can be avoided, what do we save?",
        "avoided_cost",
        {"volume": 80, "unit_cost": 30000, "avoided_share_pct": 20},
    ),
    (
        "every-other-goes-digital",
        "Hvad sparer vi, hvis hver anden af 8.000 papirsager bliver digital? Papir koster 70 kr., digitalt 15 kr.",
        "channel_shift",
        {"volume": 8000, "moved_share_pct": 50, "cost_from": 70, "cost_to": 15},
    ),
    # a cue's parts far apart in one sentence; paying back and buying in other words
    (
        "add-up-far-apart",
        "Lægger vi 2,1 mio. fra rengøring, 900.000 kr. fra kørsel og 1,3 mio. fra licenser sammen, hvad har vi så?",
        "total",
        {"amounts": [2100000, 900000, 1300000]},
    ),
    (
        "paid-back-buy",
        "Vi vil købe et scanningsanlæg til 750.000 kr., som giver 250.000 kr. om året. Hvornår er det betalt tilbage?",
        "business_case",
        {"investment": 750000, "annual_gain": 250000},
    ),
    (
        "one-and-a-half-minutes-neuter",
        "Halvandet minut sparet pr. faktura på 40.000 fakturaer om året – hvor mange timer bliver det?",
        "time_savings",
        {"minutes_saved_per_unit": 1.5, "units_per_year": 40000},
    ),
    # a required input no figure is left for takes one from an adding input that took two
    (
        "investment-without-its-word",
        "Hvad er nutidsværdien af et it-projekt på 3 mio. kr. med en årlig gevinst på 800.000 kr. over fem år ved 4 % rente?",
        "business_case",
        {"investment": 3000000, "annual_gain": 800000, "years": 5, "discount_rate_pct": 4},
    ),
    # a figure far from an input's usual size does not fill it: 390 kr. is an hourly rate, not a monthly salary
    (
        "hourly-rate-is-no-salary",
        "Hvad giver det, hvis vi sparer en halv time pr. sag på 3.000 sager om året ved en timepris på 390 kr.?",
        "time_savings",
        {"minutes_saved_per_unit": 30, "units_per_year": 3000, "hourly_rate": 390},
    ),
    # a word between two figures belongs to the nearer one; a bracket opened after a figure is the next one's
    (
        "task-cue-between-figures",
        "How much can we free overall? Intake is 35% of the workload and can be cut by 70%, archiving is 25% and "
        "can be cut by 20%, and the remaining 40% can be cut by 0%.",
        "task_weighted_potential",
        {
            "tasks": [
                {"share_pct": 35, "efficiency_pct": 70},
                {"share_pct": 25, "efficiency_pct": 20},
                {"share_pct": 40, "efficiency_pct": 0},
            ]
        },
    ),
    (
        "task-bracketed-potential",
        "Vægtet efter tid: sagsoprettelse 30 % (automatisering 90 %), opfølgning 50 % (automatisering 10 %). "
        "Hvad bliver potentialet?",
        "task_weighted_potential",
        {"tasks": [{"share_pct": 30, "efficiency_pct": 90}, {"share_pct": 50, "efficiency_pct": 10}]},
    ),
    (
        "task-fraction-then-with",
        "Hvis en fjerdedel af tiden kan effektiviseres med 40 % og en femtedel af tiden med 80 %, hvad er så "
        "potentialet vægtet efter tiden?",
        "task_weighted_potential",
        {"tasks": [{"share_pct": 25, "efficiency_pct": 40}, {"share_pct": 20, "efficiency_pct": 80}]},
    ),
    # a small fraction with a slash: a share of the time, or a fraction of the unit after it; never a date
    (
        "slash-fraction-of-time",
        "2/3 af tiden går med sagsbehandling, der kan effektiviseres 30 %, og 1/3 med møder, der kan effektiviseres "
        "10 %. Vægtet potentiale?",
        "task_weighted_potential",
        {"tasks": [{"share_pct": 200 / 3, "efficiency_pct": 30}, {"share_pct": 100 / 3, "efficiency_pct": 10}]},
    ),
    (
        "slash-fraction-of-a-unit",
        "Hvad sparer vi ved 20 % effektivisering på 3/4 årsværk til 480.000 kr. pr. årsværk?",
        "fte_savings",
        {"fte": 0.75, "efficiency_pct": 20, "annual_cost_per_fte": 480000},
    ),
    (
        "slash-date-is-no-fraction",
        "Leverandørens tilbud af 3/11-2025 lyder på 1,2 mio. kr. og en gevinst på 400.000 kr. om året. Hvornår er "
        "det tjent hjem?",
        "business_case",
        {"investment": 1200000, "annual_gain": 400000},
    ),
    # a time per unit that falls «fra 12 til 9 minutter» saves the difference on each
    (
        "time-falls-from-to",
        "Hvis behandlingstiden pr. faktura går fra 8 til 5 minutter, og vi har 30.000 fakturaer om året, hvor mange "
        "timer sparer vi?",
        "time_savings",
        {"minutes_saved_per_unit": 3, "units_per_year": 30000},
    ),
    (
        "en-time-falls-from-to",
        "If handling time per call drops from 10 to 6 minutes on 50,000 calls a year, how many hours do we save?",
        "time_savings",
        {"minutes_saved_per_unit": 4, "units_per_year": 50000},
    ),
    # a bare number listed among amounts is an amount: the list writes the unit once
    (
        "bare-number-in-a-list-of-amounts",
        "Hvad giver de tre forslag tilsammen: 2,5 mio., 600.000, 1,1 mio. og 400.000 kr.?",
        "total",
        {"amounts": [2500000, 600000, 1100000, 400000]},
    ),
    # an amount over a count, and our count of the same noun: an example scaled to us
    (
        "same-noun-counted-twice",
        "Holstebro hentede 800.000 kr. på 50 borgere. Vi har 120 borgere. Hvor meget kan vi hente?",
        "rate_scaling",
        {"example_amount": 800000, "example_count": 50, "own_count": 120},
    ),
    # an investment with a yearly gain is a business case, whatever the question calls its result
    (
        "investment-with-a-yearly-gain",
        "Vi investerer 1,5 mio. kr. i et bookingsystem, der sparer 400.000 kr. om året og koster 50.000 kr. om året "
        "i drift. Hvad giver det over fem år?",
        "business_case",
        {"investment": 1500000, "annual_gain": 400000, "annual_cost": 50000, "years": 5},
    ),
    # asked per year, an amount stated per month fills an input of no period twelve times over; a salary stays
    (
        "monthly-baseline-yearly-ask",
        "Vi bruger 200.000 kr. om måneden på vikarer og vil skære 10 % i år 1 og 5 % i år 2. Hvad sparer vi om året?",
        "baseline_reduction",
        {"baseline": 2400000, "yearly_pcts": [10, 5]},
    ),
    (
        "monthly-rate-yearly-ask",
        "Et abonnement koster 45 kr. pr. bruger om måneden, og vi har 2.000 brugere. Hvad koster det om året?",
        "unit_rate_scaling",
        {"rate": 540, "count": 2000},
    ),
    (
        "monthly-salary-stays-monthly",
        "8 årsværk, 31.000 kr. om måneden, 25 % effektivisering – hvad sparer vi om året?",
        "fte_savings",
        {"fte": 8, "monthly_salary": 31000, "efficiency_pct": 25},
    ),
    # a manual channel is the old one, an electronic one the new
    (
        "channel-manual-to-electronic",
        "En manuel ansøgning koster 120 kr. at behandle og en elektronisk 30 kr. Hvad sparer vi ved at flytte "
        "5.000 ansøgninger om året?",
        "channel_shift",
        {"volume": 5000, "cost_from": 120, "cost_to": 30},
    ),
    (
        "channel-manual-to-electronic-english",
        "A manual invoice costs DKK 60 to handle and an electronic one DKK 15. What do we save by moving 8,000 "
        "invoices a year to the electronic channel?",
        "channel_shift",
        {"volume": 8000, "cost_from": 60, "cost_to": 15},
    ),
    # buying through the agreements at their lower prices is compliance, though «40 % af indkøbene» is a percent of
    (
        "compliance-through-agreements",
        "Kommunen køber ind for 60 mio. kr. årligt. 40 % af indkøbene sker i dag via vores aftaler, og vi vil op på "
        "70 %. Aftalepriserne er 10 % lavere end markedets. Hvad kan vi spare?",
        "compliance_savings",
        {"purchase_volume": 60e6, "current_share_pct": 40, "target_share_pct": 70, "price_saving_pct": 10},
    ),
    (
        "compliance-through-agreements-english",
        "We spend DKK 90 million a year on purchases. 50% of it goes through our agreements today and the target is "
        "75%. Agreement prices are 6% below market. What can we save?",
        "compliance_savings",
        {"purchase_volume": 90e6, "current_share_pct": 50, "target_share_pct": 75, "price_saving_pct": 6},
    ),
    # a percentage stated per year repeats over the calendar years named after it
    (
        "baseline-yearly-over-named-years",
        "Lønsummen er 30 mio. kr. Vi skærer 3 % af lønsummen om året i 2026, 2027, 2028 og 2029. Hvad sparer vi i 2029?",
        "baseline_reduction",
        {"baseline": 30e6, "yearly_pcts": [3, 3, 3, 3]},
    ),
    # a cut that rises to a level adds the difference in its year
    (
        "baseline-rising-to-a-level",
        "Et budget på 50 mio. kr. skal ned med 4 % i år 1 stigende til 6 % i år 2. Hvad sparer vi hvert år?",
        "baseline_reduction",
        {"baseline": 50e6, "yearly_pcts": [4, 2]},
    ),
    # N years in all are the first year and N − 1 more; «de N følgende år» are N more
    (
        "baseline-years-in-all",
        "Vi reducerer vores udgift på 10 mio. kr. med 6 % det første år og 2 % om året derefter, i alt fire år. "
        "Hvad sparer vi?",
        "baseline_reduction",
        {"baseline": 10e6, "yearly_pcts": [6, 2, 2, 2]},
    ),
    # a team's hours stated per head: the heads times their hours, added
    (
        "caseload-hours-per-head",
        "Teamet har 300 sager. Fire rådgivere på 37 timer og to på 30 timer om ugen deler dem. Hvor mange sager pr. "
        "fuldtidsansat?",
        "cases_per_fte",
        {"cases": 300, "weekly_hours": 208, "hours_per_fte": 37},
    ),
    (
        "caseload-hours-per-head-english",
        "We have 240 open cases and five caseworkers at 37 hours and one at 20 hours a week. What is the caseload "
        "per full-time employee?",
        "cases_per_fte",
        {"cases": 240, "weekly_hours": 205, "hours_per_fte": 37},
    ),
    # the old channel's price and the new's, each named, say the question asks for a channel shift
    (
        "channel-both-prices-named",
        "7.000 henvendelser fra skranke (90 kr.) til selvbetjening (15 kr.) – gevinst om året?",
        "channel_shift",
        {"volume": 7000, "cost_from": 90, "cost_to": 15},
    ),
    # today's share and the target, each named, say the question asks for compliance
    (
        "compliance-today-and-target-named",
        "Vi køber for 200 mio. kr. om året. 45 % af indkøbet sker i dag på kontrakt, målet er 70 %, og "
        "kontraktpriserne er 7 % lavere. Gevinst?",
        "compliance_savings",
        {"purchase_volume": 200e6, "current_share_pct": 45, "target_share_pct": 70, "price_saving_pct": 7},
    ),
    # «what does it free up in hours» asks for time saved, as «timer» does; «effective hours per FTE» is its input
    (
        "time-saved-in-hours-english",
        "Each application saves a quarter of an hour, and we handle 4,000 a year. With DKK 350 an hour and 1,300 "
        "effective hours per FTE, what does it free up in hours, kroner and FTE?",
        "time_savings",
        {"minutes_saved_per_unit": 15, "units_per_year": 4000, "hourly_rate": 350, "effective_hours_per_fte": 1300},
    ),
    # our count with its noun left out («… 80 sager. Vi har 120.») counts what the example's count counts
    (
        "scaling-own-count-noun-elided",
        "Frederikshavn sparede 2 mio. kr. på 80 sager. Vi har 120. Hvad sparer vi?",
        "rate_scaling",
        {"example_amount": 2e6, "example_count": 80, "own_count": 120},
    ),
    (
        "scaling-own-count-noun-elided-dash",
        "Et projekt med 50 borgere gav en gevinst på 400.000 kr. – vi har 75. Hvad kan vi forvente?",
        "rate_scaling",
        {"example_amount": 4e5, "example_count": 50, "own_count": 75},
    ),
    (
        "scaling-own-count-noun-elided-english",
        "Aarhus saved DKK 900,000 across 300 cases; we have 450. What can we expect to save?",
        "rate_scaling",
        {"example_amount": 9e5, "example_count": 300, "own_count": 450},
    ),
    # a share that «ikke burde være visiteret», «should not have been referred» is a cost that can be avoided
    (
        "avoided-should-not-have-been",
        "Vi visiterer 200 borgere om året til et forløb til 15.000 kr. Hvad sparer vi, hvis hver femte ikke burde "
        "have været visiteret?",
        "avoided_cost",
        {"volume": 200, "unit_cost": 15000, "avoided_share_pct": 20},
    ),
    (
        "avoided-should-not-have-been-english",
        "We send 80 young people a year on a course costing DKK 30,000 each. What do we save if a quarter of them "
        "should not have been referred?",
        "avoided_cost",
        {"volume": 80, "unit_cost": 30000, "avoided_share_pct": 25},
    ),
    (
        "avoided-ought-not-skulle",
        "Vi bevilger 300 forløb om året à 12.000 kr. Hvad kan vi spare, hvis 10 % af dem ikke skulle have været "
        "bevilget?",
        "avoided_cost",
        {"volume": 300, "unit_cost": 12000, "avoided_share_pct": 10},
    ),
    # an amount «pr. procent», «for hver procentpoint», «per percentage point» makes a percentage a count of units
    (
        "amount-per-percent",
        "Bidraget er 2 mio. kr. pr. procent af indbyggerne, og vi har 1,5 % af indbyggerne. Hvad skal vi betale?",
        "unit_rate_scaling",
        {"rate": 2e6, "count": 1.5},
    ),
    (
        "amount-for-each-percentage-point",
        "Hvert procentpoint højere e-handelsandel giver 350.000 kr. Vi kan hæve andelen 6 %. Hvad giver det?",
        "unit_rate_scaling",
        {"rate": 350000, "count": 6},
    ),
    (
        "amount-per-percentage-point-english",
        "The fee is DKK 400,000 per percentage point of the population, and we have 3 % of it. What is our fee?",
        "unit_rate_scaling",
        {"rate": 4e5, "count": 3},
    ),
    (
        "percent-of-an-amount-stays",
        "Hvad er 2,5 % af 1,3 mio. kr.?",
        "percent_of",
        {"amount": 1.3e6, "pct": 2.5},
    ),
    # what «afhænger af» a condition, given the amount with it and without it, is their difference
    (
        "difference-depends-on",
        "Forslaget giver 50 mio. kr. med lovændringer, men kun 20 mio. kr. uden. Hvor meget afhænger af "
        "lovændringerne?",
        "difference",
        {"a": 50e6, "b": 20e6},
    ),
    (
        "difference-depends-on-english",
        "The model yields DKK 680m with rule changes but only DKK 380m under current rules. How much depends on the "
        "rule changes?",
        "difference",
        {"a": 680e6, "b": 380e6},
    ),
    # below a budget, as above it, is the difference of budget and spending
    (
        "difference-under-budget",
        "Vi havde budgetteret med 8 mio. kr. og brugte 7,2 mio. kr. Hvor meget er vi under budget?",
        "difference",
        {"a": 8e6, "b": 7.2e6},
    ),
    (
        "difference-under-budget-english",
        "Our budget was DKK 3m and we spent DKK 2.6m. How much are we under budget?",
        "difference",
        {"a": 3e6, "b": 2.6e6},
    ),
    (
        "difference-how-far-under",
        "Hvor langt under budgettet endte vi, når budgettet var 5 mio. kr. og forbruget 4,1 mio. kr.?",
        "difference",
        {"a": 5e6, "b": 4.1e6},
    ),
    ("under-budget-one-amount-is-a-lookup", "Hvor mange kommuner lå under budget på 5 mio. kr. i 2016?", None, {}),
    # a norm of cases per FTE is the benchmark turned over (1.000 / 50 = 20 årsværk pr. 1.000 sager)
    (
        "benchmark-norm-cases-per-fte",
        "Jobcentret har 30 årsværk og 1.200 sager. Normen er 50 sager pr. sagsbehandler. Hvor mange årsværk er vi "
        "over normen?",
        "benchmark_gap",
        {"own_fte": 30, "cases": 1200, "cases_per_fte": 50},
    ),
    (
        "benchmark-norm-cases-per-fte-english",
        "We have 22 FTE for 900 cases, and the norm is 45 cases per caseworker. How many FTE are we above the norm?",
        "benchmark_gap",
        {"own_fte": 22, "cases": 900, "cases_per_fte": 45},
    ),
    ("depends-on-a-model-number-is-a-lookup", "Hvor meget afhænger af regelændringerne i model 2?", None, {}),
    (
        "depends-on-one-amount-is-a-lookup",
        "Hvor meget af gevinsten på 300 mio. kr. afhænger af regelændringer?",
        None,
        {},
    ),
    # a volume given every other week or per quarter is a yearly volume × 26 or × 4
    (
        "volume-every-other-week",
        "Vi har 250 indberetninger hver anden uge, og hver tager 8 minutter mindre. Hvor meget tid frigør det om året?",
        "time_savings",
        {"minutes_saved_per_unit": 8, "units_per_year": 6500},
    ),
    (
        "volume-every-fourteen-days",
        "Der kommer 120 ansøgninger hver 14. dag, og vi sparer 20 minutter pr. ansøgning. Hvor mange timer sparer vi?",
        "time_savings",
        {"minutes_saved_per_unit": 20, "units_per_year": 3120},
    ),
    (
        "volume-per-quarter",
        "Vi får 3.000 ansøgninger i kvartalet og sparer 10 minutter på hver. Hvor mange timer er det?",
        "time_savings",
        {"minutes_saved_per_unit": 10, "units_per_year": 12000},
    ),
    (
        "volume-every-two-weeks-english",
        "We handle 400 claims every two weeks and save 6 minutes on each. How many hours a year?",
        "time_savings",
        {"minutes_saved_per_unit": 6, "units_per_year": 10400},
    ),
    (
        "gain-per-quarter-english",
        "We invest DKK 1.2m and save DKK 90,000 a quarter. What is the payback time?",
        "business_case",
        {"investment": 1200000, "annual_gain": 360000},
    ),
    # «læg … sammen», "add up": a sum asked for in the imperative
    (
        "add-together-imperative",
        "Læg 1,2 mio. kr., 850.000 kr. og 300.000 kr. sammen.",
        "total",
        {"amounts": [1200000, 850000, 300000]},
    ),
    (
        "add-up-english",
        "Add up DKK 400,000, DKK 250,000 and DKK 1.1m.",
        "total",
        {"amounts": [400000, 250000, 1100000]},
    ),
    ("add-together-lookup", "Hvad står der om at lægge de 3 puljer sammen?", None, {}),
    # «ansatte», "employees" name a saving of årsværk as «medarbejdere» and "staff" do
    (
        "fte-goal-ansatte",
        "Afdelingen har 25 ansatte med en månedsløn på 34.000 kr. Hvad er gevinsten ved 8 % effektivisering?",
        "fte_savings",
        {"fte": 25, "monthly_salary": 34000, "efficiency_pct": 8},
    ),
    (
        "fte-goal-employees",
        "The team has 12 employees at DKK 480,000 a year each. What is the gain from a 10% efficiency improvement?",
        "fte_savings",
        {"fte": 12, "annual_cost_per_fte": 480000, "efficiency_pct": 10},
    ),
    ("fte-goal-ansatte-lookup", "Hvor mange ansatte havde Aarhus i 2015 på de 3 områder?", None, {}),
    # «3 ud af 10», "2 out of 5": a share in percent, whatever noun follows
    (
        "out-of-share-efficiency",
        "Vi har 12 fuldtidsstillinger. Hvis 3 ud af 10 opgaver kan automatiseres, hvad frigør det med en månedsløn "
        "på 32.000 kr.?",
        "fte_savings",
        {"fte": 12, "monthly_salary": 32000, "efficiency_pct": 30},
    ),
    (
        "out-of-share-english",
        "If 2 out of 5 calls move online from 60,000 calls a year, what do we save?",
        "channel_shift",
        {"volume": 60000, "moved_share_pct": 40},
    ),
    (
        "out-of-share-of-staff",
        "Hvis 1 ud af 4 medarbejdere kan frigøres af vores 20 årsværk, hvad sparer vi med 500.000 kr. pr. årsværk?",
        "fte_savings",
        {"fte": 20, "efficiency_pct": 25, "annual_cost_per_fte": 500000},
    ),
    # a time that falls in hours, or from hours to minutes, saves the difference in minutes
    (
        "time-falls-from-an-hour",
        "Tidsforbruget pr. sag går fra en time til 40 minutter. Vi har 1.100 sager om året. Hvor mange timer sparer vi?",
        "time_savings",
        {"minutes_saved_per_unit": 20, "units_per_year": 1100},
    ),
    (
        "time-falls-in-hours",
        "Behandlingen går fra 2 til 1,5 timer pr. sag på 400 sager om året. Hvor mange timer sparer vi?",
        "time_savings",
        {"minutes_saved_per_unit": 30, "units_per_year": 400},
    ),
    (
        "time-falls-hours-to-minutes",
        "Fra 2 timer til 90 minutter pr. sag, 500 sager om året: hvor mange timer sparer vi?",
        "time_savings",
        {"minutes_saved_per_unit": 30, "units_per_year": 500},
    ),
    (
        "time-falls-from-an-hour-english",
        "It goes from an hour to 45 minutes per case on 2,000 cases a year. How many hours do we save?",
        "time_savings",
        {"minutes_saved_per_unit": 15, "units_per_year": 2000},
    ),
    # «en tredjedel af», «to femtedele af», "a third of": a share of an amount names percent_of
    (
        "share-word-of-amount",
        "Hvor meget er en tredjedel af et budget på 9 mio. kr.?",
        "percent_of",
        {"amount": 9000000, "pct": 33.3333},
    ),
    (
        "share-words-of-amount",
        "Hvor meget er to femtedele af 4 mio. kr.?",
        "percent_of",
        {"amount": 4000000, "pct": 40},
    ),
    (
        "share-word-of-amount-english",
        "How much is a third of DKK 12m?",
        "percent_of",
        {"amount": 12000000, "pct": 33.3333},
    ),
    ("share-of-amount-lookup", "Hvor stor en del af de 300 mio. kr. går til løn?", None, {}),
    # a call («opkald», "call") is the old channel a shift moves from
    (
        "channel-call-price",
        "Vi har 18.000 opkald om året. Et opkald koster 55 kr. og en mail 20 kr. Hvad sparer vi, hvis halvdelen går "
        "over på mail?",
        "channel_shift",
        {"volume": 18000, "cost_from": 55, "cost_to": 20, "moved_share_pct": 50},
    ),
    (
        "channel-call-price-english",
        "We get 30,000 calls a year. A call costs DKK 45 and a chat DKK 15. What do we save if a third move to chat?",
        "channel_shift",
        {"volume": 30000, "cost_from": 45, "cost_to": 15, "moved_share_pct": 33.3333},
    ),
    # «forskellen mellem A og B» compares two figures; «mellem A og B» alone is a range
    (
        "difference-between-shared-unit",
        "Hvad er forskellen mellem 2,8 og 3,4 mio. kr.?",
        "difference",
        {"a": 3400000, "b": 2800000},
    ),
    ("between-is-a-range-lookup", "Hvad koster det mellem 2 og 3 mio. kr.?", None, {}),
    # a time per task now («i dag», "today") and later («fremover», "will take"): the minutes saved
    (
        "time-now-and-later-hours",
        "Opgaven tager 2 timer i dag og 1,5 time fremover. Vi løser den 400 gange om året. Hvor mange timer sparer vi?",
        "time_savings",
        {"minutes_saved_per_unit": 30, "units_per_year": 400},
    ),
    (
        "time-now-and-later-english",
        "Each application takes 50 minutes today and will take 35 minutes with the new system. We get 3,000 a year. "
        "How many hours do we free up?",
        "time_savings",
        {"minutes_saved_per_unit": 15, "units_per_year": 3000},
    ),
    (
        "time-now-and-later-today-first",
        "En sag tager i dag 45 minutter, med den nye løsning 30 minutter. Vi har 2.000 sager om året. Hvad sparer vi?",
        "time_savings",
        {"minutes_saved_per_unit": 15, "units_per_year": 2000},
    ),
    (
        "bc-introduce-for",  # «indføre … for 1,8 mio. kr.» is what it costs to introduce: the investment
        "Vi kan indføre en softwarerobot for 1,8 mio. kr. Den giver en årlig gevinst på 600.000 kr., men licens og "
        "drift koster 150.000 kr. om året. Hvor lang tid går der, før den er tjent hjem?",
        "business_case",
        {"investment": 1800000, "annual_gain": 600000, "annual_cost": 150000},
    ),
    (
        "time-now-and-later-lookup",
        "Rapporten regner med 6 minutter i dag og 4 minutter efter. Hvad skriver den om det?",
        None,
        {},
    ),
]


@pytest.mark.parametrize(("question", "tool", "args"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_question_fills_the_right_calculator(question: str, tool: str | None, args: dict[str, Any]) -> None:
    ok, why = routed({"question": question, "tool": tool, "args": args})
    assert ok, why
