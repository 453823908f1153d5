using System;

namespace Mediator.RabbitMQ;

/// <summary>The transport was set up wrongly (no broker URI, a notification published or consumed without a route,
/// two routes for one type): the message says what to add or change.</summary>
public sealed class RabbitMqConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public RabbitMqConfigurationException(string message)
        : base(message)
    {
    }
}
