"""The events stage: adds ``Analysis.events`` (PLOVER type, CAMEO code, roles,
modality, reporting speaker, evidence offsets) from the parse, the actors and the
quotes found before it."""

from __future__ import annotations

from spacy.tokens import Doc

from whodid.events import confidence, conventions, criticism, filters, parties, remention
from whodid.knowledge import Resources
from whodid.model import Analysis, Event
from whodid.nlp.dates import latest_stated_year


class EventsStage:
    """Pipeline stage ``events``. Reads ``analysis.actors`` and ``analysis.quotes``.

    The trigger lexicon is ``resources.lexicon``: the built-in
    ``whodid/data/events/lexicon.yaml`` plus the user's ``--lexicon`` files. The
    coding conventions may add actors to ``analysis.actors`` (a protest's target
    government, an unnamed attacker's country), marked as inferred on the event.
    Criticism told in the opposition's reported statements, with no verb of criticism, is
    read by ``events.criticism``. Re-mentions of one event are merged (``events.remention``),
    parties compared by who they are (the knowledge base's party membership says who is
    of one party). Each event's ``confidence`` is the trained model's
    (``events.confidence``); a side the rules left empty may then be given a party of the
    sentence (or the ones before) by the trained party chooser (``events.parties``), and a
    telling the fill makes another of one already coded is folded into it (``remention.refold``);
    ``record``, when set, receives each article's events and their features (training).
    """

    name = "events"

    def __init__(self, resources: Resources | None = None) -> None:
        self.resources = resources or Resources.build()
        self.coder = confidence.RecordingCoder(self.resources.lexicon)
        self.record = None
        # the trained chooser of a party for the sides the rules leave empty (None: none shipped)
        self.party_chooser = self.resources.party_model
        # the knowledge base's curated party membership, by actor id: who is of one side
        kb = self.resources.kb
        self.members = {country: {key: [kb.people[i].id for i in people] for key, people in parties.items()}
                        for country, parties in kb.party_members.items()}

    def __call__(self, doc: Doc, analysis: Analysis) -> None:
        events = self.coder.code(doc, analysis)
        conventions.apply(doc, analysis, events, self.resources)
        self.coder.answer_speakers(doc, analysis, events)
        events = self.coder.two_parties(events, analysis)
        kept = filters.keep(events, analysis)
        said = self._criticism(doc, analysis, kept)
        support_verbs = self.resources.lexicon.marker("support_verbs")
        definite = remention.definite_tellings(doc, kept + said, support_verbs)
        possessed = remention.possessed_tellings(doc, kept + said, support_verbs)
        how = dict(statements={id(e) for e in said}, definite=definite, possessed=possessed,
                   one_act=remention.one_act_pairs(doc, kept + said),
                   paired=remention.paired_tellings(doc, kept + said),
                   years=remention.told_years(doc, kept + said), latest=latest_stated_year(doc),
                   # (what an act is about, from its trigger: not for criticism read from a
                   # statement's words)
                   topics=remention.told_topics(doc, kept, self.resources.lexicon.marker("retold_acts")))
        merged = filters.named(remention.merge(kept + said, remention.Parties.of(analysis.actors, self.members), **how),
                               doc.text, analysis.actors)
        if self.coder.trace is not None:
            for e in events:
                if (why := filters.dropped(e, analysis)) is not None:
                    self.coder.note_event(e, f"filtered (events.filters: {why})")
            unmerged = filters.named(kept + said, doc.text, analysis.actors)
            self._note_taken_out("no party (events.filters.named)", kept + said, unmerged)
            self._note_taken_out("a re-mention (events.remention)", unmerged, merged)
        events = merged
        conventions.home_addressee(analysis, events, self.resources)
        # an aimed act with no recipient yet: the party its trigger governs, else none when the
        # sentence names others (events.filters.aimed)
        aimed = filters.aimed(events, analysis, doc)
        self._note_taken_out("an aimed act beside parties it is not aimed at (events.filters.aimed)", events, aimed)
        events = aimed
        confidence.assign(doc, analysis, events, self.coder.frame_of, self.resources.event_confidence, self.record)
        # after the confidence: its model was trained on the rules' parties (and measured so)
        if self.party_chooser is not None:
            untold = {id(e) for e in events if not e.actor or not e.recipient}
            parties.fill_empty(self.party_chooser, doc, analysis, events)
            # a telling kept apart for a side it left untold may, given it, be a re-mention
            events = remention.refold(doc, events, untold)
        analysis.events.extend(events)

    def _note_taken_out(self, why: str, before: list[Event], after: list[Event]) -> None:
        """When tracing, say why each event of ``before`` that a step left out of ``after`` is gone."""
        if self.coder.trace is None:
            return
        left = {id(e) for e in after}
        for e in before:
            if id(e) not in left:
                self.coder.note_event(e, why)

    def _criticism(self, doc: Doc, analysis: Analysis, events: list[Event]) -> list[Event]:
        """Criticism, rebuttals and praise read from reported statements (``events.criticism``)."""
        lex = self.resources.lexicon
        plans = lex.marker("intent_verbs") | lex.marker("promise_verbs") | lex.marker("programme_verbs")
        found = criticism.find(doc, analysis, events, criticism.Modals.of(lex), plans, lex.marker("belief_verbs"))
        # a denial answering a charge or a demand made of the speaker's side, and praise of a party
        found += criticism.rebuttals(doc, analysis, events, plans, denials=lex.marker("denial_words"),
                                     conditions=lex.marker("condition_marks"))
        found += criticism.praise(doc, analysis, events, lex.marker("praise_words"))
        # a charge against the speaker's own side denied ("the plans are not racist")
        found += criticism.disclaimers(doc, analysis, events + found, lex.marker("pejoratives"), plans,
                                       conditions=lex.marker("condition_marks"),
                                       charge_words=lex.marker("charge_words"))
        # what a party says ought to be done, with no one named to do it: a demand of its government
        found += criticism.demands(doc, analysis, events + found,
                                   lambda c: conventions.government(analysis, c, self.resources.kb), plans,
                                   lex.marker("obligation_aux"))
        scores = self.coder.scores
        for ev in found:
            ev.score = scores["scores"].get(f"{ev.type}:{ev.mode}", scores["scores"].get(ev.type))
            ev.quad_class = scores["quad_class"].get(ev.type)
        return found
