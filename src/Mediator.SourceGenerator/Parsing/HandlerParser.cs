using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Turns a class marked <c>[Handler]</c> into handler specs.</summary>
internal static class HandlerParser
{
    public static HandlerDiscovery Parse(
        INamedTypeSymbol symbol,
        System.Collections.Immutable.ImmutableArray<AttributeData> attributes,
        Compilation compilation,
        CancellationToken cancellationToken)
    {
        var location = LocationInfo.From(symbol);
        // Generated code names a non-generic handler by the printer's text; a generic one is rejected below, and its
        // name appears only in that diagnostic.
        var name = SymbolFacts.IsOrIsNestedInGenericType(symbol) ? TypeRefFactory.Display(symbol) : TypeRefFactory.QualifiedName(symbol);
        try
        {
            return ParseCore(symbol, name, location, attributes, compilation, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(name, location, DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratorFailure, location, name, exception.GetType().Name, exception.Message));
        }
    }

    /// <summary>
    /// Whether the pipeline calls the handler's own <c>Handle</c> rather than the contract's. A sealed class is always
    /// called through the contract: the JIT and Native AOT turn an interface call on a field of a sealed class into a
    /// direct, inlinable call to its implementation, and the generator then need not bind <c>Handle</c>'s signature
    /// (about a tenth of a first run on 1,000 handlers) to know which call compiles.
    /// </summary>
    private static bool CallsHandleDirectly(INamedTypeSymbol symbol, INamedTypeSymbol contract)
        => !symbol.IsSealed && SymbolFacts.ImplementsImplicitly(symbol, contract, "Handle");

    private static HandlerDiscovery ParseCore(
        INamedTypeSymbol symbol,
        string name,
        LocationInfo? location,
        System.Collections.Immutable.ImmutableArray<AttributeData> attributes,
        Compilation compilation,
        CancellationToken cancellationToken)
    {
        if (WhyUnsupported(symbol) is { } reason)
        {
            return Failed(name, location, DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedHandler, location, name, reason));
        }

        if (TypeAccessibility.WhyInaccessible(symbol, compilation) is { } inaccessible)
        {
            return Failed(name, location, DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotAccessible, location, name, inaccessible));
        }

        var lifetime = LifetimeReader.ForHandler(symbol, attributes.FirstOrDefault(a => KnownTypes.IsHandlerAttribute(a.AttributeClass)));
        var specs = new List<HandlerSpec>();
        var diagnostics = new List<DiagnosticInfo>();
        var uses = HandlerMiddlewareParser.Parse(symbol, symbol.ToDisplayString(), compilation, diagnostics, cancellationToken);

        // The class as written, and its Handle methods, which the pipeline may call directly.
        var usage = UsageMarkFactory.AsNamed(symbol).Concat(symbol.GetMembers("Handle").SelectMany(UsageMarkFactory.Own)).Distinct().ToEquatableArray();
        var middlewares = uses.Select(u => u.Middleware).ToEquatableArray();
        var (dependencies, dependencyLocations) = DependencyParser.Parse(symbol);
        // An interface the compiler rejects, here or on a base type: the generator then stays quiet (see Discoveries).
        var hasCompileErrors = HasErrorInterfaces(symbol);
        // Read only for notification handlers: each gets its own instance of a configured middleware (see PipelineResolver).
        var handlesNotifications = symbol.AllInterfaces.Any(KnownTypes.IsNotificationHandler);
        var classAttributes = handlesNotifications ? ConfiguringAttributes(symbol) : EquatableArray<MessageAttributeSpec>.Empty;
        foreach (var contract in symbol.AllInterfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ContractKind(contract) is not { } kind)
            {
                continue;
            }

            // Void requests and notifications answer nothing: planning sees Unit, the handler returns a plain ValueTask.
            var isVoid = kind == MessageKind.Notification || KnownTypes.IsVoidRequestHandler(contract);
            var request = contract.TypeArguments[0];
            if (contract.TypeArguments.Any(BrokenTypes.IsInvalidArgument) || BrokenTypes.ViolatesConstraints(contract, compilation))
            {
                // The user's code does not compile (a type that does not resolve, a ref struct as a type argument, a request
                // that is not an IRequest<TResponse>); the compiler already says why, and generated code naming the
                // contract would only repeat it.
                hasCompileErrors = true;
                continue;
            }

            if (TypeAccessibility.WhyInaccessible(request, compilation) is { } requestInaccessible)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.TypeNotAccessible, location, TypeRefFactory.Display(request), requestInaccessible));
                continue;
            }

            var response = isVoid ? null : contract.TypeArguments[1];
            if (response is not null && TypeAccessibility.WhyInaccessible(response, compilation) is { } responseInaccessible)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.TypeNotAccessible, location, TypeRefFactory.Display(response), responseInaccessible));
                continue;
            }

            // Null when generated code cannot name the type (see TypeRefFactory.TryCreate): the contract is left out.
            if (MessageTypeSpecFactory.Create(request) is not { } requestSpec
                || (response is null ? UnitSpec : MessageTypeSpecFactory.Create(response)) is not { } responseSpec)
            {
                continue;
            }

            specs.Add(new HandlerSpec(
                name,
                lifetime,
                requestSpec,
                responseSpec,
                isVoid,
                CallsHandleDirectly(symbol, contract),
                kind,
                middlewares,
                usage,
                dependencies,
                kind == MessageKind.Notification ? classAttributes : EquatableArray<MessageAttributeSpec>.Empty));
            if (kind == MessageKind.Request)
            {
                // Only requests are cached (the caching middleware is a request middleware).
                SharedCacheCallerCheck.Check(symbol, name, request, location, diagnostics);
            }
        }

        if (specs.Count == 0 && diagnostics.Count == 0 && !hasCompileErrors)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HandlerWithoutContract, location, name));
        }

        var requirements = handlesNotifications ? ConcernRequirementParser.ParseAttributes(symbol, location) : EquatableArray<ConcernRequirement>.Empty;
        return new HandlerDiscovery(name, location, specs.ToEquatableArray(), diagnostics.ToEquatableArray(), uses, hasCompileErrors, dependencyLocations, requirements);
    }

    /// <summary>
    /// The class's attributes a configured middleware could take; the mediator's own markers (<c>[Handler]</c>,
    /// <c>[UseMiddleware]</c>) configure nothing and are left out.
    /// </summary>
    private static EquatableArray<MessageAttributeSpec> ConfiguringAttributes(INamedTypeSymbol symbol)
        => MessageAttributesFactory.Create(symbol)
            .Where(a => !a.Types.Contains("global::" + KnownTypes.HandlerAttribute) && !a.Types.Contains("global::" + KnownTypes.UseMiddlewareAttribute))
            .ToEquatableArray();

    private static MessageKind? ContractKind(INamedTypeSymbol contract)
    {
        if (KnownTypes.IsRequestHandler(contract) || KnownTypes.IsVoidRequestHandler(contract))
        {
            return MessageKind.Request;
        }

        if (KnownTypes.IsNotificationHandler(contract))
        {
            return MessageKind.Notification;
        }

        return KnownTypes.IsStreamHandler(contract) ? MessageKind.Stream : null;
    }

    /// <summary>How planning sees the response of a request without one.</summary>
    public static readonly MessageTypeSpec UnitSpec = new(
        TypeRef.Named(KnownTypes.Unit),
        IsValueType: true,
        IsReferenceType: false,
        IsSealed: true,
        HasPublicParameterlessConstructor: true,
        IsPublic: true,
        InheritanceDepth: 2,
        Supertypes: new[]
        {
            TypeRef.Named(KnownTypes.Unit),
            TypeRef.Named("global::System.ValueType"),
            TypeRef.Named("object"),
            TypeRef.Named("global::System.IEquatable", TypeRef.Named(KnownTypes.Unit)),
            TypeRef.Named("global::System.IComparable", TypeRef.Named(KnownTypes.Unit)),
        }.ToEquatableArray(),
        IsUnmanaged: true);

    private static string? WhyUnsupported(INamedTypeSymbol symbol)
    {
        if (symbol.IsStatic)
        {
            return "it is static; a handler is an instance created by the container";
        }

        if (symbol.IsAbstract)
        {
            return "it is abstract; mark the concrete classes that derive from it instead";
        }

        if (symbol.Arity > 0)
        {
            return "it is an open generic type; the generator builds one pipeline per concrete message, so declare a non-generic handler for each closed message type (for example 'class GetUserHandler : Base<GetUser, User>')";
        }

        return SymbolFacts.GenericContainerOrSelf(symbol.ContainingType) is { } container
            ? $"it is nested in the generic type '{container.Name}'; move it to a namespace or a non-generic class"
            : null;
    }

    /// <summary>An interface the compiler rejects: the compiler's own error explains it better than we can.</summary>
    private static bool HasErrorInterfaces(INamedTypeSymbol symbol)
        => symbol.AllInterfaces.Any(i => BrokenTypes.Contains(i) || i.TypeArguments.Any(BrokenTypes.IsInvalidArgument));

    private static HandlerDiscovery Failed(string name, LocationInfo? location, DiagnosticInfo diagnostic)
        => new(name, location, EquatableArray<HandlerSpec>.Empty, new[] { diagnostic }.ToEquatableArray());
}
