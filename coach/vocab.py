"""The closed vocabularies of the report contract (docs/contract.md), named once."""

COMPONENTS = ("context", "change", "evidence")
SENTENCE_LABELS = COMPONENTS + ("other",)
KINDS = ("interview", "statement", "eras")
RED_FLAGS = (
    "step1_fail", "step2_fail", "comlex_fail", "course_fail", "multiple_course_fail",
    "leave_of_absence", "professionalism", "clerkship_remediation", "shelf_fail",
)
SPAN_TYPES = ("vague", "blame", "hedge", "minimizing", "passive_agency", "oversharing")
FLAG_TYPES = SPAN_TYPES + ("length", "mspe_mismatch")
SEVERITIES = ("info", "warning", "error")
