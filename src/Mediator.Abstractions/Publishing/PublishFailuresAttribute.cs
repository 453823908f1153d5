using System;

namespace Mediator;

/// <summary>
/// Chooses what <c>Publish</c> throws when handlers of a notification type fail, or with
/// <c>[assembly: PublishFailures(...)]</c> for every notification published by this assembly's mediator; the type's own
/// attribute wins over the assembly's. Read at compile time. It applies to <see cref="PublishStrategy.Sequential"/>,
/// <see cref="PublishStrategy.Concurrent"/> and <see cref="PublishStrategy.StopOnFirstFailure"/>; a fire-and-forget
/// publish throws nothing to its caller and a strategy of yours decides for itself (MED0056 says so when set on one).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class PublishFailuresAttribute : Attribute
{
    /// <summary>Chooses <paramref name="failures"/>.</summary>
    /// <param name="failures">What the caller sees when handlers fail.</param>
    public PublishFailuresAttribute(PublishFailures failures) => Failures = failures;

    /// <summary>What the caller sees when handlers fail.</summary>
    public PublishFailures Failures { get; }
}
