using Mediator.RabbitMQ;

// The route table decided at compile time: the generator writes AddCompiledRoutes() from these (CompiledRouteTests).
[assembly: RabbitMqJsonContext(typeof(RabbitMqTests.TestJson))]
[assembly: RabbitMqRoute(typeof(RabbitMqTests.OrderPlaced), RabbitMqTests.CompiledRouteTests.Exchange, "order.placed")]
