"""The agreement UI: a household's agreements and their life (出具 → 打印 → 签字 → 作废 → 重新出具),
print preview and printing from the agreement PDF, the on-screen signature pad, and 核验协议.

Nothing here imports sqlalchemy: every read and write goes through survey_app.core.services.agreements.
"""
