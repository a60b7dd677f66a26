"""The checks: document check, traveller check and notice retrieval, with SOP actions.

The checker is given a :class:`~lookup_server.store.base.Store` (which may be a plain
database store or, in production, one wrapped in cache and failover layers), the
matcher and the procedures. It does one store read per check and then pure work:
splitting documents into exact and other-country findings, scoring candidates, and
choosing the officer's action. Scoring runs in chunks that yield to the event loop, and
the number of candidates is bounded, so one heavy name cannot stall other terminals.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from lookup_server.errors import NotFound
from lookup_server.matching.keys import query_keys
from lookup_server.matching.scorer import Matcher, ScoredNotice
from lookup_server.model import (
    Action,
    CheckResult,
    DocumentCheck,
    DocumentFinding,
    DocumentKey,
    DocumentMatchKind,
    DocumentRecord,
    Notice,
    NoticeMatch,
    Provenance,
    TravellerQuery,
    Verdict,
)
from lookup_server.sop import Procedures
from lookup_server.store.base import LookupRequest, Store
from observability import instruments


@dataclass(frozen=True, slots=True)
class CheckerOptions:
    candidate_limit: int = 200
    #: Candidates scored between two yields to the event loop.
    scoring_chunk: int = 32
    #: Matches returned at most (best first); the verdict counts all of them.
    max_matches: int = 10


@dataclass(frozen=True, slots=True)
class NoticeAnswer:
    notice: Notice
    action: Action
    provenance: Provenance


class Checks(Protocol):
    """What the API needs of a checker: :class:`Checker`, or one wrapped in a cache."""

    async def check_traveller(self, query: TravellerQuery) -> CheckResult: ...

    async def get_notice(self, notice_id: str) -> NoticeAnswer: ...


def new_check_id() -> str:
    """Time-ordered, unguessable id: milliseconds since the epoch, then 48 random bits."""
    return f"{time.time_ns() // 1_000_000:011x}{secrets.token_hex(6)}"


class Checker:
    def __init__(
        self,
        store: Store,
        matcher: Matcher,
        procedures: Procedures,
        options: CheckerOptions | None = None,
    ) -> None:
        self.store = store
        self.matcher = matcher
        self.procedures = procedures
        self.options = options or CheckerOptions()

    # ------------------------------------------------------------------ public

    async def check_traveller(self, query: TravellerQuery) -> CheckResult:
        keys = query_keys(query) if query.has_name else ()
        request = LookupRequest(
            document_number=query.document.number if query.document else None,
            name_keys=keys,
            candidate_limit=self.options.candidate_limit,
        )
        with instruments.child_span(
            "store.lookup", attributes={"notice_lookup.store": self.store.name}
        ) as span:
            found = await self.store.lookup(request)
            if span.is_recording():
                span.set_attribute("notice_lookup.answered_by", found.provenance.backend)
                span.set_attribute("notice_lookup.data_version", found.state.version)
        document = self._document_check(query.document, found.documents) if query.document else None
        if keys:
            with instruments.child_span("match") as span:
                scored = await self._score(query, found.candidates)
                if span.is_recording():
                    span.set_attribute("notice_lookup.match.candidates", len(found.candidates))
                    span.set_attribute(
                        "notice_lookup.match.best_score", scored[0].score if scored else 0.0
                    )
        else:
            scored = []
        matches = tuple(self._notice_match(s) for s in scored[: self.options.max_matches])
        verdict = max(
            [Verdict.CLEAR]
            + ([document.verdict] if document else [])
            + [m.verdict for m in matches]
        )
        return CheckResult(
            verdict=verdict,
            document=document,
            matches=matches,
            provenance=found.provenance,
            action=self._overall_action(verdict, document, matches, found.provenance),
            traveller=query,
            check_id=new_check_id(),
            candidates_considered=len(found.candidates),
            candidates_truncated=found.candidates_truncated,
        )

    async def get_notice(self, notice_id: str) -> NoticeAnswer:
        read = await self.store.get_notice(notice_id)
        if read.notice is None:
            raise NotFound("notice", notice_id)
        notice = read.notice
        action = (
            self.procedures.for_notice(notice.type)
            if notice.is_active
            else self.procedures.cancelled_notice
        )
        return NoticeAnswer(notice, action, read.provenance)

    # ------------------------------------------------------------------ parts

    def _document_check(self, key: DocumentKey, records: Sequence[DocumentRecord]) -> DocumentCheck:
        exact = [r for r in records if r.key == key and r.status.is_listed]
        others = [
            r
            for r in records
            if r.key.issuing_country != key.issuing_country and r.status.is_listed
        ]
        findings = [
            DocumentFinding(r, DocumentMatchKind.EXACT, self.procedures.for_document(r.status))
            for r in exact
        ] + [
            DocumentFinding(
                r, DocumentMatchKind.OTHER_ISSUING_COUNTRY, self.procedures.other_issuing_country
            )
            for r in sorted(others, key=lambda r: r.key.issuing_country)
        ]
        if exact:
            verdict = Verdict.HIT
        elif others:
            verdict = Verdict.POSSIBLE_MATCH
        else:
            verdict = Verdict.CLEAR
        return DocumentCheck(
            status=exact[0].status if exact else None, findings=tuple(findings), verdict=verdict
        )

    async def _score(
        self, query: TravellerQuery, candidates: Sequence[Notice]
    ) -> list[ScoredNotice]:
        prepared = self.matcher.prepare(query)
        scored: list[ScoredNotice] = []
        chunk = self.options.scoring_chunk
        for start in range(0, len(candidates), chunk):
            if start:
                await asyncio.sleep(0)  # let other calls run between chunks
            for notice in candidates[start : start + chunk]:
                match = self.matcher.score(prepared, notice)
                if match is not None:
                    scored.append(match)
        scored.sort(key=lambda s: (s.verdict, s.score), reverse=True)
        return scored

    def _notice_match(self, scored: ScoredNotice) -> NoticeMatch:
        action = (
            self.procedures.for_notice(scored.notice.type)
            if scored.verdict is Verdict.HIT
            else self.procedures.possible_match
        )
        return NoticeMatch(
            notice=scored.notice,
            score=scored.score,
            verdict=scored.verdict,
            matched_name=scored.matched_name,
            fields=scored.fields,
            tokens=scored.tokens,
            action=action,
        )

    def _overall_action(
        self,
        verdict: Verdict,
        document: DocumentCheck | None,
        matches: Sequence[NoticeMatch],
        provenance: Provenance,
    ) -> Action:
        """The action of the most severe finding; on a tie, the most urgent procedure."""
        if verdict is Verdict.CLEAR:
            return self.procedures.degraded if provenance.degraded else self.procedures.clear
        ranked: list[tuple[Verdict, int, Action]] = [
            (m.verdict, m.action.priority, m.action) for m in matches
        ]
        if document is not None:
            ranked += [
                (
                    Verdict.HIT
                    if f.match_kind is DocumentMatchKind.EXACT
                    else Verdict.POSSIBLE_MATCH,
                    f.action.priority,
                    f.action,
                )
                for f in document.findings
            ]
        return max(ranked, key=lambda r: (r[0], r[1]))[2]
