"""Demo project: realistic, reproducible households for trying the app and for benchmarks."""

from survey_app.core.services.demo.project import DEMO_USERS, DemoSummary, create_demo

__all__ = ["DEMO_USERS", "DemoSummary", "create_demo"]
