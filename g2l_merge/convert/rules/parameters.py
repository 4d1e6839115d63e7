"""Job parameters: getResolvedOptions with Glue's semantics, from sys.argv or notebook widgets."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import ParentNodeProvider

from g2l_merge.convert.context import ConvertContext
from g2l_merge.convert.rules.base import Rule, code_of, expr, string_value

GET_RESOLVED_OPTIONS = "awsglue.utils.getResolvedOptions"
PATCHES = frozenset({"unittest.mock.patch", "mock.patch"})
ARGUMENT_ERROR = "awsglue.utils.GlueArgumentError"


class ResolvedOptions(Rule):
    """getResolvedOptions keeps Glue's semantics through glue_compat (every option required, unknown ones
    ignored, `--KEY value`, reserved arguments defaulted); `job_parameters = "widgets"` reads notebook widgets.

    Before::

        args = getResolvedOptions(sys.argv, ["JOB_NAME", "as_of_date"])

    After (job_parameters = "argv", the default)::

        args = glue_compat.resolved_options(sys.argv, ["JOB_NAME", "as_of_date"])

    After (job_parameters = "widgets")::

        args = glue_compat.widget_options(dbutils, ["JOB_NAME", "as_of_date"])

    `except GlueArgumentError` catches glue_compat.GlueArgumentError, which a missing option raises.

    A test's `patch("risk_jobs.limits.getResolvedOptions")` patches `glue_compat.resolved_options`, which the
    converted module calls. `"--JOB_NAME" in sys.argv` (a library telling a Glue job run from an interactive
    session) is a review item:
    Glue passed --JOB_NAME to every run, a Databricks run passes it only when the job's parameters list it.
    """

    id = "G2L005"
    name = "job-parameters"
    summary = "getResolvedOptions(sys.argv, [...]) keeps Glue's semantics via glue_compat, from argv or widgets."

    def leave_Call(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        qualified = ctx.qualified(original.func)
        if qualified & PATCHES:
            return self._patch(ctx, original, updated)
        if GET_RESOLVED_OPTIONS not in qualified:
            return updated
        positional = [a for a in updated.args if a.keyword is None]
        if len(updated.args) != 2 or len(positional) != 2:
            ctx.review(
                original,
                self.id,
                "getResolvedOptions with unusual arguments: as written, it fails on Databricks (no awsglue.utils) and "
                "the job stops here: convert it by hand",
            )
            return updated
        ctx.add_import("glue_compat")
        options = code_of(positional[1].value)
        if ctx.config.job_parameters == "widgets":
            return expr(f"glue_compat.widget_options(dbutils, {options})")
        return expr(f"glue_compat.resolved_options({code_of(positional[0].value)}, {options})")

    def _patch(self, ctx: ConvertContext, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """patch("risk_jobs.limits.getResolvedOptions"): converted code calls glue_compat's, which is patched."""
        target = original.args[0].value if original.args and original.args[0].keyword is None else None
        value = string_value(target)
        if value is None or not value.endswith(".getResolvedOptions") or not updated.args:
            return updated
        function = "widget_options" if ctx.config.job_parameters == "widgets" else "resolved_options"
        moved = updated.args[0].with_changes(value=cst.SimpleString(f'"glue_compat.{function}"'))
        return updated.with_changes(args=[moved, *updated.args[1:]])

    def leave_Comparison(
        self, ctx: ConvertContext, original: cst.Comparison, updated: cst.Comparison
    ) -> cst.BaseExpression:
        """`"--JOB_NAME" in sys.argv`: true on every Glue run, on a Databricks run only if its parameters say so."""
        if (
            len(original.comparisons) == 1
            and isinstance(original.comparisons[0].operator, cst.In)
            and string_value(original.left) == "--JOB_NAME"
        ):
            ctx.review(
                original,
                self.id,
                "Glue passed --JOB_NAME to every job run; a Databricks run passes it only when the job's parameters "
                "list it: as converted, this test is false on a run whose parameters do not: add --JOB_NAME to the "
                'task\'s parameters, or test "DATABRICKS_RUNTIME_VERSION" in os.environ',
            )
        return updated

    def leave_Name(self, ctx: ConvertContext, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        """`except GlueArgumentError:` catches glue_compat's, which a missing option raises now."""
        if original.value != "GlueArgumentError" or ARGUMENT_ERROR not in ctx.qualified(original):
            return updated
        if isinstance(ctx.metadata.get_metadata(ParentNodeProvider, original, None), (cst.ImportAlias, cst.Attribute)):
            return updated
        ctx.add_import("glue_compat")
        return expr("glue_compat.GlueArgumentError")

    def leave_Attribute(
        self, ctx: ConvertContext, original: cst.Attribute, updated: cst.Attribute
    ) -> cst.BaseExpression:
        if original.attr.value != "GlueArgumentError" or ARGUMENT_ERROR not in ctx.qualified(original):
            return updated
        ctx.add_import("glue_compat")
        return expr("glue_compat.GlueArgumentError")


RULES_IN_ORDER: tuple[type[Rule], ...] = (ResolvedOptions,)
