using System;

namespace Mediator;

/// <summary>
/// Chooses the <see cref="PublishStrategy"/> of a notification type, or with <c>[assembly: PublishStrategy(...)]</c>
/// of every notification published by this assembly's mediator. The type's own attribute wins over the assembly's.
/// Read at compile time: the generated fan-out is written for the chosen strategy.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class PublishStrategyAttribute : Attribute
{
    /// <summary>Chooses <paramref name="strategy"/>.</summary>
    /// <param name="strategy">How the handlers run.</param>
    public PublishStrategyAttribute(PublishStrategy strategy) => Strategy = strategy;

    /// <summary>How the handlers run.</summary>
    public PublishStrategy Strategy { get; }
}
