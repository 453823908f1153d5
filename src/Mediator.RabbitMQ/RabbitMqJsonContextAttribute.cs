using System;

namespace Mediator.RabbitMQ;

/// <summary>
/// Names a source-generated <c>JsonSerializerContext</c> whose <c>[JsonSerializable]</c> types the compiled routes
/// serialize with: <c>[assembly: RabbitMqJsonContext(typeof(ContractsJson))]</c>. The context may be in a referenced
/// project. Name several when the routed types are spread over several contexts.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class RabbitMqJsonContextAttribute : Attribute
{
    /// <summary>Names <paramref name="contextType"/>.</summary>
    /// <param name="contextType">A class deriving from <c>JsonSerializerContext</c>, marked <c>[JsonSerializable]</c>.</param>
    public RabbitMqJsonContextAttribute(Type contextType) => ContextType = contextType;

    /// <summary>The context.</summary>
    public Type ContextType { get; }
}
