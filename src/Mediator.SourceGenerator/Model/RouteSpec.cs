namespace Mediator.SourceGenerator.Model;

/// <summary>
/// One RabbitMQ route from <c>[assembly: RabbitMqRoute(typeof(T), exchange, routingKey)]</c>: the notification type and
/// the JSON context that serializes it, as <c>global::</c> names; the exchange, routing key and optional travel name as
/// the literal strings the user wrote.
/// </summary>
internal sealed record RouteSpec(string NotificationType, string Exchange, string RoutingKey, string? Name, string JsonContext);
