"""Recording inspections and the overdue and condition views."""
