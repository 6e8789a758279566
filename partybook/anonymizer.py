"""Compatibility name for :mod:`partybook.anonymize` (the anonymiser package)."""

from __future__ import annotations

from .anonymize import Decisions, Proposal, Replacement, anonymize, apply, propose, remember

__all__ = ["Decisions", "Proposal", "Replacement", "anonymize", "apply", "propose", "remember"]
