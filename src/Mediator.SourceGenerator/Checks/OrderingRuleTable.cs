using Mediator.Shared;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// The rules with an ID of their own (MED0012-MED0016). Each is written once: its ID and reason in
/// <c>src/Shared/BuiltInRules.cs</c> (which the built-ins' attributes also name), its kind here, its title, message
/// and severity in its descriptor. A <c>[MustRunInside]</c>/<c>[MustRunOutside]</c> naming one of these IDs with the
/// matching kind is reported under it; any other is MED0019 or MED0020.
/// </summary>
internal static class OrderingRuleTable
{
    /// <summary>Every rule with an ID of its own, in ID order.</summary>
    public static readonly IReadOnlyList<OrderingRule> All = new[]
    {
        new OrderingRule(ConstraintKind.MustRunInside, DiagnosticDescriptors.CachingOutsideAuthorization, BuiltInRules.CachingInsideAuthorizationReason),
        new OrderingRule(ConstraintKind.MustRunOutside, DiagnosticDescriptors.RetryInsideTransaction, BuiltInRules.RetryOutsideTransactionReason),
        new OrderingRule(ConstraintKind.MustRunInside, DiagnosticDescriptors.CircuitBreakerOutsideRetry, BuiltInRules.CircuitBreakerInsideRetryReason),
        new OrderingRule(ConstraintKind.MustRunOutside, DiagnosticDescriptors.RateLimitInsideRetry, BuiltInRules.RateLimitOutsideRetryReason),
        new OrderingRule(ConstraintKind.MustRunInside, DiagnosticDescriptors.TransactionNotInnermost, BuiltInRules.TransactionInnermostReason),
    };

    /// <summary>The rule a constraint is reported under, when it names one with its own kind.</summary>
    public static OrderingRule? Find(OrderingConstraint constraint)
        => constraint.RuleId is { } id
            ? All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal) && r.Kind == constraint.Kind)
            : null;
}

/// <summary>One rule with an ID of its own.</summary>
/// <param name="Kind">Which attribute declares it: <c>[MustRunInside]</c> or <c>[MustRunOutside]</c>.</param>
/// <param name="Descriptor">What it is reported as: ID, title, message and severity.</param>
/// <param name="Reason">Quoted in the message when the attribute gives none.</param>
internal sealed record OrderingRule(ConstraintKind Kind, DiagnosticDescriptor Descriptor, string Reason)
{
    /// <summary>The diagnostic ID, which the attributes name as <c>RuleId</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Error or warning, from the descriptor.</summary>
    public bool IsError => Descriptor.DefaultSeverity == DiagnosticSeverity.Error;
}
