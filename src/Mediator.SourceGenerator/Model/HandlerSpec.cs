namespace Mediator.SourceGenerator.Model;

/// <summary>One handler contract implemented by a <c>[Handler]</c> class: the class handles <see cref="Request"/>.</summary>
/// <param name="HandlerType">The handler class, as written in generated code.</param>
/// <param name="Lifetime">From <c>[Handler(Lifetime = ...)]</c>, else the declaring assembly's <c>[assembly: DefaultLifetimes(Handlers = ...)]</c>, else singleton.</param>
/// <param name="Request">The request handled.</param>
/// <param name="Response">The response; <c>Mediator.Unit</c> for requests without one.</param>
/// <param name="IsVoid">The handler implements <c>IRequestHandler&lt;TRequest&gt;</c> and returns a plain <c>ValueTask</c>.</param>
/// <param name="IsImplicit">The <c>Handle</c> method is a public member of the class, so it is called directly, not through the interface.</param>
/// <param name="Kind">Request, notification or stream handler. For notifications <see cref="Response"/> is <c>Unit</c>; for streams it is the item type.</param>
/// <param name="Middlewares">Named by <c>[UseMiddleware]</c> on the class: handler-level middleware (level, and order when given there, already set).</param>
/// <param name="Dependencies">What its constructor takes from the container (the capture checks compare their lifetimes with its own).</param>
/// <param name="HandlerUsage">The <c>[Obsolete]</c> and <c>[Experimental]</c> C# reports where the class is written, and on the <c>Handle</c> method the pipeline calls directly.</param>
internal sealed record HandlerSpec(
    string HandlerType,
    ServiceLifetimeKind Lifetime,
    MessageTypeSpec Request,
    MessageTypeSpec Response,
    bool IsVoid,
    bool IsImplicit,
    MessageKind Kind = MessageKind.Request,
    EquatableArray<MiddlewareSpec> Middlewares = default,
    EquatableArray<UsageMark> HandlerUsage = default,
    EquatableArray<DependencySpec> Dependencies = default);
