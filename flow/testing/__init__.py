"""Testing conversations: a pytest-bdd step library, monitors, coverage and scenario generation."""
