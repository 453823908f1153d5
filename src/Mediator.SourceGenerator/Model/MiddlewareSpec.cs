namespace Mediator.SourceGenerator.Model;

/// <summary>A <c>[Middleware]</c> class as planning sees it.</summary>
/// <param name="DisplayName">The class as a user reads it, for messages and comments.</param>
/// <param name="OpenName">The <c>global::</c> name without type parameters.</param>
/// <param name="TypeParameters">The class's type parameters with their constraints, in declaration order.</param>
/// <param name="Order">From <c>[Middleware(Order = ...)]</c>: lower is outer.</param>
/// <param name="Contracts">Every middleware contract the class implements, in terms of its type parameters.</param>
/// <param name="Level">Global, group, message or handler: the layer of the hierarchy it sits in.</param>
/// <param name="Group">The group type for group middleware, as a user reads it.</param>
/// <param name="OnPublish">From <c>[Middleware(Direction = OnPublish)]</c>: runs once per Publish, before the fan-out; never on requests or streams.</param>
/// <param name="Concern">From <c>[Middleware(Concern = ...)]</c>: what it provides, for ordering rules and concern requirements.</param>
/// <param name="HasExplicitOrder">The order was written (on the class or on <c>[assembly: UseMiddleware]</c>); a default order is "no preference".</param>
/// <param name="Constraints">Its <c>[RunsBefore]</c>, <c>[RunsAfter]</c>, <c>[MustRunInside]</c> and <c>[MustRunOutside]</c> attributes.</param>
/// <param name="Constructor">For a middleware taking an attribute: its constructor parameters; empty when it is resolved from the container.</param>
/// <param name="FromAssemblyAttribute">Placed by <c>[assembly: UseMiddleware]</c> rather than declared in this assembly.</param>
/// <param name="IsExplicit">From <c>[Middleware(Explicit = true)]</c>: applies only where <c>[UseMiddleware]</c> names it.</param>
/// <param name="Lifetime">
/// From <c>[UseMiddleware(..., Lifetime = ...)]</c> where that placed it, else <c>[Middleware(Lifetime = ...)]</c>, else the
/// declaring assembly's <c>[assembly: DefaultLifetimes(Middleware = ...)]</c>, else singleton. The lifetime a pipeline uses
/// is <see cref="ResolvedLayer.Lifetime"/>, which also accounts for the same closed type placed with another lifetime.
/// </param>
/// <param name="Dependencies">What its constructor takes from the container (the capture checks compare their lifetimes with its own).</param>
/// <param name="Role">A middleware, or the processor its contracts make it (one role per class: MED0050).</param>
/// <param name="ExceptionDepth">
/// For an exception handler or action: how far its exception type derives from <c>System.Exception</c> (0 for
/// <c>Exception</c> itself). Among steps of one layer and one Order the deeper one runs inside, so it sees an exception
/// first: the closest exception type in the hierarchy wins.
/// </param>
/// <param name="Usage">The <c>[Obsolete]</c> and <c>[Experimental]</c> C# reports where the class is written, on its <c>InvokeAsync</c> methods, and for a configured middleware on its constructor and the parameter types generated code resolves.</param>
internal sealed record MiddlewareSpec(
    string DisplayName,
    string OpenName,
    EquatableArray<TypeParameterSpec> TypeParameters,
    int Order,
    EquatableArray<MiddlewareContractSpec> Contracts,
    MiddlewareLevel Level = MiddlewareLevel.Global,
    string? Group = null,
    bool OnPublish = false,
    string? Concern = null,
    bool HasExplicitOrder = false,
    EquatableArray<OrderingConstraint> Constraints = default,
    EquatableArray<ConstructorParameterSpec> Constructor = default,
    bool FromAssemblyAttribute = false,
    bool IsExplicit = false,
    EquatableArray<UsageMark> Usage = default,
    ServiceLifetimeKind Lifetime = ServiceLifetimeKind.Singleton,
    EquatableArray<DependencySpec> Dependencies = default,
    StepRole Role = StepRole.Middleware,
    int ExceptionDepth = 0)
{
    /// <summary>
    /// Placed in every pipeline its constraints fit: declared here without <c>Explicit</c>, or added by
    /// <c>[assembly: UseMiddleware]</c>. An explicit middleware declared here wraps only the handlers that name it.
    /// </summary>
    public bool IsAutomatic => !IsExplicit || FromAssemblyAttribute;

    /// <summary>
    /// Its constructor requires an attribute (<c>[Timeout]</c>, <c>[Retry]</c>, ...): it wraps only what carries one,
    /// and a notification gives each handler its own instance, configured by the handler class's attribute or else the
    /// notification's, so that a deadline, a breaker, a retry loop or a unit of work belongs to one handler.
    /// </summary>
    public bool IsConfiguredPerMessage => Constructor.Any(p => p.Source == ParameterSource.Attribute);
}

/// <summary>One middleware contract of a middleware class (<c>IMiddleware&lt;TMessage, TResult&gt;</c> or one of its narrower forms, or <c>IStreamMiddleware&lt;TRequest, TItem&gt;</c>).</summary>
/// <param name="Request">The message argument, possibly a type parameter of the class.</param>
/// <param name="Response">The result (or stream item) argument, possibly a type parameter of the class.</param>
/// <param name="IsImplicit">The <c>InvokeAsync</c> method is public on the class, so it is called without the interface.</param>
/// <param name="Kind">Which interface it came from, and so which modes it serves.</param>
/// <param name="Exception">For an exception handler or action: the exception type it is written for.</param>
internal sealed record MiddlewareContractSpec(TypeRef Request, TypeRef Response, bool IsImplicit, ContractKind Kind = ContractKind.Any, TypeRef? Exception = null)
{
    /// <summary>
    /// The response pattern of a contract that names none (a pre-processor, an exception action): a type parameter no
    /// class declares, so it unifies with any result and binds nothing the closed type uses.
    /// </summary>
    public static readonly TypeRef AnyResult = TypeRef.Parameter("<any result>");
}

/// <summary>A type parameter of a middleware class and what its constraints demand.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Flags">The special constraints.</param>
/// <param name="ConstraintTypes">The type constraints, possibly mentioning other type parameters.</param>
internal sealed record TypeParameterSpec(string Name, TypeParameterFlags Flags, EquatableArray<TypeRef> ConstraintTypes);

/// <summary>The special constraints a type parameter can carry.</summary>
[Flags]
internal enum TypeParameterFlags
{
    None = 0,
    ReferenceType = 1,
    ValueType = 2,
    Constructor = 4,
    NotNull = 8,
    Unmanaged = 16,
}
