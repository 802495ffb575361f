"""Campaigns: per-tier strategies (data), the pure planner, and atomic claims.

- :func:`load_strategy` / :func:`plan` — pure: accounts + strategy + window → attempts.
- :func:`create_campaign`, :func:`plan_campaign`, :func:`campaign_status` — database side.
- :func:`claim_next` — pick, re-check compliance, audit and claim in one transaction;
  then :func:`mark_dialled`, :func:`complete_attempt` or :func:`release_attempt`.
"""

from __future__ import annotations

from bot.campaigns.attempts import complete_attempt, mark_dialled, release_attempt
from bot.campaigns.claim import ClaimedAttempt, claim_next
from bot.campaigns.planner import PlanAccount, PlannedAttempt, plan
from bot.campaigns.planning import PlanReport, plan_campaign
from bot.campaigns.service import CampaignStatus, campaign_status, create_campaign, get_campaign
from bot.campaigns.strategy import Strategy, TierStrategy, load_strategy

__all__ = [
    "CampaignStatus",
    "ClaimedAttempt",
    "PlanAccount",
    "PlanReport",
    "PlannedAttempt",
    "Strategy",
    "TierStrategy",
    "campaign_status",
    "claim_next",
    "complete_attempt",
    "create_campaign",
    "get_campaign",
    "load_strategy",
    "mark_dialled",
    "plan",
    "plan_campaign",
    "release_attempt",
]
