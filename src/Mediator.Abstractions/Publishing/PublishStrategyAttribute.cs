using System;

namespace Mediator;

/// <summary>
/// Chooses how <c>Publish</c> runs the handlers of a notification type, or with <c>[assembly: PublishStrategy(...)]</c>
/// of every notification published by this assembly's mediator: a built-in <see cref="PublishStrategy"/>, or a class of
/// yours implementing <see cref="IPublishStrategy"/>. The type's own attribute wins over the assembly's. Read at compile
/// time: the generated fan-out is written for the chosen strategy, and nothing is looked up when publishing.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class PublishStrategyAttribute : Attribute
{
    /// <summary>Chooses the built-in <paramref name="strategy"/>.</summary>
    /// <param name="strategy">How the handlers run.</param>
    public PublishStrategyAttribute(PublishStrategy strategy) => Strategy = strategy;

    /// <summary>
    /// Chooses a strategy of yours: a non-abstract, non-generic class implementing <see cref="IPublishStrategy"/>
    /// (MED0055 otherwise). <c>AddMediator()</c> registers it as a singleton unless the container already has it, and each
    /// pipeline that uses it takes it from the container once, like a middleware.
    /// </summary>
    /// <param name="strategyType">The strategy class.</param>
    public PublishStrategyAttribute(Type strategyType)
    {
        StrategyType = strategyType;
        Strategy = PublishStrategy.Sequential;
    }

    /// <summary>The built-in strategy; <see cref="PublishStrategy.Sequential"/> when <see cref="StrategyType"/> is set.</summary>
    public PublishStrategy Strategy { get; }

    /// <summary>The strategy class of yours, or null for a built-in one.</summary>
    public Type? StrategyType { get; }
}
