using System;

namespace Mediator;

/// <summary>
/// A hard ordering rule: wherever this middleware and the target are in the same pipeline, this middleware must run
/// outside the target (further from the handler). The generator does not reorder to satisfy it; it reports every pipeline
/// where the resolved order breaks it, at the declaration that placed the middleware there.
/// </summary>
/// <remarks>
/// The target is a middleware type (open generic) or a concern name (<see cref="Concerns"/>). The rule spans layers:
/// a global middleware is outside every group, message and handler middleware whatever its order, so the rule can be broken by
/// the layer a middleware sits in as well as by its order.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MustRunOutsideAttribute : Attribute
{
    /// <summary>Must run outside the middleware type <paramref name="middleware"/>.</summary>
    /// <param name="middleware">A middleware class, open generic where it is generic.</param>
    public MustRunOutsideAttribute(Type middleware) => Middleware = middleware;

    /// <summary>Must run outside every middleware providing <paramref name="concern"/>.</summary>
    /// <param name="concern">A concern name, see <see cref="Concerns"/>.</param>
    public MustRunOutsideAttribute(string concern) => Concern = concern;

    /// <summary>The target middleware type, or null when the target is a concern.</summary>
    public Type? Middleware { get; }

    /// <summary>The target concern, or null when the target is a type.</summary>
    public string? Concern { get; }

    /// <summary>Warning (the default) or error.</summary>
    public RuleSeverity Severity { get; set; }

    /// <summary>Why the rule exists, quoted in the diagnostic (for example "the audit entry must record the final outcome").</summary>
    public string? Reason { get; set; }

    /// <summary>
    /// The diagnostic ID to report. The built-in middlewares name their catalogue IDs (see docs/diagnostics);
    /// leave it null for your own rules, which are reported under the general ordering-rule ID.
    /// </summary>
    public string? RuleId { get; set; }
}
