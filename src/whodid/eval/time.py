"""A small test set of relative and partial dates, written for whodid, and its scorer.

Each case is (published, sentence, expression, expected value, expected precision): the
expression as it appears in the sentence and what an analyst would write for it. The
sentences were written for this repository (no publisher's text). Run:

    whodid eval time     (or python -m whodid.eval.time)

to print accuracy (value and precision both right) and the misses.
"""

from __future__ import annotations

from dataclasses import dataclass

from whodid.model import Analysis, Article

# published, sentence, expression, value, precision ("-" = no value, precision none)
CASES: list[tuple[str, str, str, str, str]] = [
    ("2023-05-10", "The minister resigned yesterday after a week of protests.", "yesterday", "2023-05-09", "day"),
    ("2023-05-10", "Rebels shelled the airport on Monday, officials said.", "Monday", "2023-05-08", "day"),
    ("2023-05-10", "The envoy arrived in Cairo on Sunday night.", "Sunday night", "2023-05-07", "day"),
    ("2023-05-10", "Parliament will vote on the budget on Friday.", "Friday", "2023-05-12", "day"),
    ("2023-05-10", "Talks broke down last week in Doha.", "last week", "2023-05", "month"),
    ("2023-05-10", "The central bank raised rates last month.", "last month", "2023-04", "month"),
    ("2023-05-10", "Inflation reached a record high last year.", "last year", "2022", "year"),
    ("2023-05-10", "The ceasefire collapsed three days ago.", "three days ago", "2023-05-07", "day"),
    ("2023-05-10", "Two weeks ago, the army withdrew from the town.", "Two weeks ago", "2023-04", "month"),
    ("2023-05-10", "The company was founded five years ago.", "five years ago", "2018", "year"),
    ("2023-05-10", "The prime minister visited Kyiv in March.", "March", "2023-03", "month"),
    ("2023-05-10", "Floods hit the region in August.", "August", "2022-08", "month"),
    ("2023-05-10", "The treaty was signed on April 2nd.", "April 2nd", "2023-04-02", "day"),
    ("2023-05-10", "The treaty was signed on June 2nd.", "June 2nd", "2022-06-02", "day"),
    ("2023-05-10", "The summit will open on June 2nd.", "June 2nd", "2023-06-02", "day"),
    ("2023-05-10", "Elections are due next year.", "next year", "2024", "year"),
    ("2023-05-10", "The minister said today that talks would resume.", "today", "2023-05-10", "day"),
    ("2023-05-10", "Protesters gathered outside parliament this morning.", "this morning", "2023-05-10", "day"),
    ("2023-05-10", "Troops will withdraw within two weeks.", "within two weeks", "-", "none"),
    ("2023-05-10", "The siege lasted for three months.", "for three months", "-", "none"),
    ("2023-05-10", "Over the past decade, exports tripled.", "Over the past decade", "-", "none"),
    ("2023-05-10", "The rally began at 3 pm local time.", "3 pm", "-", "none"),
    ("2023-05-10", "The coup took place on 14 July 2021.", "14 July 2021", "2021-07-14", "day"),
    ("2023-05-10", "Prices fell in January 2020.", "January 2020", "2020-01", "month"),
    ("2023-05-10", "The border has been closed since 2019.", "2019", "2019", "year"),
    ("2023-05-10", "The rebels seized the city on March 1st, 2022. Two days later, the army counterattacked.",
     "Two days later", "2022-03-03", "day"),
    ("2023-05-10", "The rebels seized the city on March 1st, 2022. A month later, they lost it.",
     "A month later", "2022-04", "month"),
    ("2023-05-10", "The rebels seized the city on March 1st, 2022. The next day, the army counterattacked.",
     "The next day", "2022-03-02", "day"),
    ("2023-05-10", "Ankara was struck by an earthquake on February 6th, 2023. Three weeks after the earthquake, "
                   "aid arrived.", "Three weeks after the earthquake", "2023-02", "month"),
    ("2023-05-10", "The election was held on 2 April 2023. Ten days after the election, the result was annulled.",
     "Ten days after the election", "2023-04-12", "day"),
    ("2023-05-10", "The deal was signed in 2015. Three years later, it was abandoned.",
     "Three years later", "2018", "year"),
    ("2023-05-10", "The war began on February 24th, 2022. On March 3rd, troops took the city.",
     "March 3rd", "2022-03-03", "day"),
    ("2023-05-10", "Earlier this month, the army rotated its units.", "Earlier this month", "2023-05", "month"),
    ("2023-05-10", "The ministry will publish the figures next Tuesday.", "next Tuesday", "2023-05-16", "day"),
    ("2023-05-10", "Negotiators met last Thursday in Geneva.", "last Thursday", "2023-05-04", "day"),
    ("2023-05-10", "The vote was held on Wednesday.", "Wednesday", "2023-05-10", "day"),
    ("2016-12-05", "The talks ended on Friday, December 2nd.", "Friday, December 2nd", "2016-12-02", "day"),
    ("2016-12-05", "The general was arrested in the early hours of Saturday.", "Saturday", "2016-12-03", "day"),
    ("2020-01-03", "The strike was ordered on December 30th.", "December 30th", "2019-12-30", "day"),
    ("2020-01-03", "Tensions rose sharply in December.", "December", "2019-12", "month"),
    # second batch, written before the code was run on it (blind)
    ("2021-09-15", "Hundreds of people marched through the capital on Saturday.", "Saturday", "2021-09-11", "day"),
    ("2021-09-15", "The opposition leader was detained late on Tuesday.", "Tuesday", "2021-09-14", "day"),
    ("2021-09-15", "The foreign minister is expected to travel to Beijing next month.", "next month", "2021-10",
     "month"),
    ("2021-09-15", "The ruling came a day after the general was arrested.", "a day after the general was arrested",
     "-", "none"),
    ("2021-09-15", "The junta took power on September 5th. A week later, it dissolved parliament.",
     "A week later", "2021-09", "month"),
    ("2021-09-15", "The junta took power on September 5th. Four days later, it dissolved parliament.",
     "Four days later", "2021-09-09", "day"),
    ("2021-09-15", "Aid deliveries resumed on Sept. 10 after a pause of two weeks.", "Sept. 10", "2021-09-10", "day"),
    ("2021-09-15", "The president first took office in 2010 and was re-elected four years later.",
     "four years later", "2014", "year"),
    ("2021-09-15", "The government fell in the spring of 2019.", "2019", "2019", "year"),
    ("2021-09-15", "Fighting has continued for nearly a decade.", "for nearly a decade", "-", "none"),
    ("2021-09-15", "The strike, which began on August 30, ended yesterday.", "August 30", "2021-08-30", "day"),
    ("2021-09-15", "The strike, which began on August 30, ended yesterday.", "yesterday", "2021-09-14", "day"),
    ("2021-09-15", "By Thursday, the rebels had reached the outskirts of the city.", "Thursday", "2021-09-09", "day"),
    ("2021-09-15", "The army said on Wednesday that it had repelled the attack.", "Wednesday", "2021-09-15", "day"),
    ("2021-09-15", "The mayor was killed in an ambush in late August.", "late August", "2021-08", "month"),
    ("2021-09-15", "Earlier this year, the country defaulted on its debt.", "Earlier this year", "2021", "year"),
    ("2021-09-15", "The minister will resign at the end of the month.", "the end of the month", "2021-09",
     "month"),
    ("2021-09-15", "Ten years ago this week, the towers fell.", "Ten years ago", "2011", "year"),
    ("2021-09-15", "Talks will resume on 1 October.", "1 October", "2021-10-01", "day"),
    ("2021-09-15", "The embassy closed on Friday, September 10.", "Friday, September 10", "2021-09-10", "day"),
    # third batch, blind as well
    ("2019-03-01", "The opposition boycotted the vote held on February 24.", "February 24", "2019-02-24", "day"),
    ("2019-03-01", "Police fired tear gas at protesters on Thursday evening.", "Thursday evening", "2019-02-28",
     "day"),
    ("2019-03-01", "The general had been in hiding since 2017.", "2017", "2017", "year"),
    ("2019-03-01", "Troops entered the town two months ago.", "two months ago", "2019-01", "month"),
    ("2019-03-01", "The court will hear the case on March 12.", "March 12", "2019-03-12", "day"),
    ("2019-03-01", "The agreement expires at midnight on Sunday.", "Sunday", "2019-03-03", "day"),
    ("2019-03-01", "Last Friday's attack killed 40 soldiers.", "Last Friday", "2019-02-22", "day"),
    ("2019-03-01", "Unemployment has doubled in the past five years.", "in the past five years", "-", "none"),
    ("2019-03-01", "The currency lost half its value in 2018 alone.", "2018", "2018", "year"),
    ("2019-03-01", "The dam burst on January 25th. Three days later, rescuers found survivors.",
     "Three days later", "2019-01-28", "day"),
    ("2019-03-01", "The blockade began in June 2017 and lasted more than three years.", "June 2017", "2017-06",
     "month"),
    ("2019-03-01", "The referendum is scheduled for April 14.", "April 14", "2019-04-14", "day"),
    ("2019-03-01", "Oil output fell in the fourth quarter.", "the fourth quarter", "-", "none"),
    ("2019-03-01", "The rebels announced a truce on the eve of the talks.", "the eve", "-", "none"),
    ("2019-03-01", "Two years after the coup, the country remains divided.", "Two years after the coup", "-",
     "none"),
]


@dataclass
class Score:
    total: int
    correct: int
    misses: list[str]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def score(nlp, cases: list[tuple[str, str, str, str, str]] = CASES) -> Score:
    from whodid.time.stage import TimeStage

    stage = TimeStage()
    correct, misses = 0, []
    for (published, text, expr, value, precision), doc in zip(cases, nlp.pipe([c[1] for c in cases])):
        analysis = Analysis(article=Article(text=text, published=published))
        stage(doc, analysis)
        got = [(d.value or "-", d.precision) for d in analysis.dates if d.text == expr]
        if got and got[0] == (value, precision):
            correct += 1
        else:
            found = got[0] if got else [d.text for d in analysis.dates]
            misses.append(f"{text!r}: {expr!r} expected {value} {precision}, got {found}")
    return Score(total=len(cases), correct=correct, misses=misses)


def format_score(result: Score) -> str:
    lines = [f"relative dates: {result.correct}/{result.total} correct ({result.accuracy:.1%})"]
    lines.extend(f"  miss: {miss}" for miss in result.misses)
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    from whodid import nlp as whodid_nlp

    print(format_score(score(whodid_nlp.load())))
