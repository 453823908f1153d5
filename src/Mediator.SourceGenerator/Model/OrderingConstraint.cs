namespace Mediator.SourceGenerator.Model;

/// <summary>How a middleware wants to sit relative to a target.</summary>
internal enum ConstraintKind
{
    /// <summary><c>[RunsBefore]</c>: soft, outside the target within one layer; the planner sorts by it.</summary>
    RunsBefore = 0,

    /// <summary><c>[RunsAfter]</c>: soft, inside the target within one layer; the planner sorts by it.</summary>
    RunsAfter = 1,

    /// <summary><c>[MustRunInside]</c>: hard, checked across layers, never used to reorder.</summary>
    MustRunInside = 2,

    /// <summary><c>[MustRunOutside]</c>: hard, checked across layers, never used to reorder.</summary>
    MustRunOutside = 3,
}

/// <summary>One ordering attribute on a middleware class.</summary>
/// <param name="Kind">Soft or hard, inside or outside.</param>
/// <param name="TargetType">The target middleware class as its <c>global::</c> open name, when the target is a type.</param>
/// <param name="TargetConcern">The target concern, when the target is a concern name.</param>
/// <param name="IsError">Hard rules: <c>Severity = RuleSeverity.Error</c>.</param>
/// <param name="Reason">Hard rules: the reason quoted in the diagnostic.</param>
/// <param name="RuleId">Hard rules: the catalogue ID to report under, if any.</param>
internal sealed record OrderingConstraint(
    ConstraintKind Kind,
    string? TargetType,
    string? TargetConcern,
    bool IsError = false,
    string? Reason = null,
    string? RuleId = null)
{
    /// <summary>Whether <paramref name="middleware"/> is what this constraint points at.</summary>
    public bool Targets(MiddlewareSpec middleware)
        => TargetType is not null
            ? string.Equals(TargetType, middleware.OpenName, System.StringComparison.Ordinal)
            : TargetConcern is not null && string.Equals(TargetConcern, middleware.Concern, System.StringComparison.Ordinal);

    /// <summary>The target as a user wrote it, for messages.</summary>
    public string TargetDisplay => TargetType is not null ? TargetType.Replace("global::", string.Empty) : "concern " + TargetConcern;
}
