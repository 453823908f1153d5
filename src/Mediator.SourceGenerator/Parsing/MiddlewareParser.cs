using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Turns a class marked <c>[Middleware]</c> into a middleware spec.</summary>
internal static class MiddlewareParser
{
    /// <summary>A <c>[Middleware]</c> class from source or from a referenced assembly (<c>[assembly: UseMiddleware]</c>).</summary>
    public static MiddlewareDiscovery Parse(
        INamedTypeSymbol symbol,
        ImmutableArray<AttributeData> attributes,
        Compilation compilation,
        CancellationToken cancellationToken)
    {
        var location = LocationInfo.From(symbol);
        var name = symbol.ToDisplayString();
        try
        {
            return ParseCore(symbol, name, location, attributes, compilation, cancellationToken);
        }
        catch (UnsupportedTypeException unsupported)
        {
            return Failed(location, DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMiddleware, location, name, unsupported.Message));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Failed(location, DiagnosticInfo.Create(
                DiagnosticDescriptors.GeneratorFailure, location, name, exception.GetType().Name, exception.Message));
        }
    }

    private static MiddlewareDiscovery ParseCore(
        INamedTypeSymbol symbol,
        string name,
        LocationInfo? location,
        ImmutableArray<AttributeData> attributes,
        Compilation compilation,
        CancellationToken cancellationToken)
    {
        if (NamesBrokenType(symbol))
        {
            // A constraint, contract or constructor parameter the compiler rejects: it reports the error, and a middleware
            // whose constraint is not known must be in no pipeline (counting it as satisfied put it in every one).
            return Failed(location) with { HasCompileErrors = true };
        }

        if (WhyUnsupported(symbol) is { } reason)
        {
            return Failed(location, DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMiddleware, location, name, reason));
        }

        if (TypeAccessibility.WhyInaccessible(symbol, compilation) is { } inaccessible)
        {
            return Failed(location, DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotAccessible, location, name, inaccessible));
        }

        var contracts = new List<MiddlewareContractSpec>();
        foreach (var contract in symbol.AllInterfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ContractKindOf(contract, symbol.AllInterfaces) is not { } kind)
            {
                continue;
            }

            var methodName = ContractKinds.MethodOf(kind);
            if (contract.GetMembers(methodName).FirstOrDefault() is { } method && symbol.FindImplementationForInterfaceMember(method) is null)
            {
                // The class does not implement its contract (CS0535, CS0738): the compiler reports it on the class.
                return Failed(location) with { HasCompileErrors = true };
            }

            foreach (var argument in contract.TypeArguments)
            {
                TypeRefFactory.RequireMatchable(argument);
            }

            contracts.Add(ProcessorContracts.IsProcessor(kind)
                ? ProcessorContracts.Create(symbol, contract, kind)
                : new MiddlewareContractSpec(
                    TypeRefFactory.CreateNameable(contract.TypeArguments[0]),
                    // A notification middleware answers nothing: planning matches it against Unit, as it does the notification.
                    kind == ContractKind.Notification ? TypeRef.Named(KnownTypes.Unit) : TypeRefFactory.CreateNameable(contract.TypeArguments[1]),
                    SymbolFacts.ImplementsImplicitly(symbol, contract, methodName),
                    kind));
        }

        // A class that implements INotificationMiddleware<T> and IMiddleware<T, Unit> wraps a notification through the
        // narrower contract, whose ValueTask layer is the cheaper one.
        contracts = contracts.OrderBy(c => c.Kind == ContractKind.Notification ? 0 : 1).ToList();

        if (contracts.Count == 0)
        {
            return Failed(location, DiagnosticInfo.Create(DiagnosticDescriptors.MiddlewareWithoutContract, location, name));
        }

        if (ProcessorContracts.WhyInvalid(symbol, name, location, contracts) is { } invalid)
        {
            return Failed(location, invalid);
        }

        var typeParameters = symbol.TypeParameters.Select(CreateTypeParameter).ToEquatableArray();
        if (FirstUninferable(typeParameters, contracts) is { } uninferable)
        {
            return Failed(location, DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedMiddleware,
                location,
                name,
                $"its type parameter '{uninferable}' appears neither in IRequestMiddleware<TRequest, TResponse> nor in a constraint of a type parameter that does, so the generator cannot choose it"));
        }

        var constructor = ConstructorParser.Parse(symbol);
        var (dependencies, dependencyLocations) = DependencyParser.Parse(symbol);
        var (level, group) = Level(symbol, contracts);
        var middlewareAttribute = attributes.FirstOrDefault(a => KnownTypes.IsMiddlewareAttribute(a.AttributeClass));
        var diagnostics = new List<DiagnosticInfo>();
        var hasExplicitOrder = middlewareAttribute is not null && OrderingAttributeParser.HasNamed(middlewareAttribute, "Order");
        var role = ContractKinds.RoleOf(contracts[0].Kind);
        var spec = new MiddlewareSpec(
            name,
            OrderingAttributeParser.OpenName(symbol),
            typeParameters,
            hasExplicitOrder ? ReadNamedInt(attributes, "Order") : ContractKinds.DefaultOrder(role),
            contracts.ToEquatableArray(),
            level,
            group,
            ReadNamedInt(attributes, "Direction") == 1,
            OrderingAttributeParser.ReadConcern(middlewareAttribute, name, diagnostics),
            hasExplicitOrder,
            OrderingAttributeParser.ReadConstraints(symbol, name, diagnostics),
            constructor,
            IsExplicit: IsExplicit(middlewareAttribute),
            Usage: Usage(symbol, constructor),
            Lifetime: LifetimeReader.ForMiddleware(symbol, middlewareAttribute),
            Dependencies: dependencies,
            Role: role,
            ExceptionDepth: ProcessorContracts.ExceptionDepth(symbol));

        // Rules are reported where the order was decided: the Order argument when written, else the class name.
        var placement = hasExplicitOrder ? OrderingAttributeParser.NamedLocation(middlewareAttribute!, "Order") ?? location : location;
        return new MiddlewareDiscovery(location, spec, diagnostics.ToEquatableArray(), placement, DependencyLocations: dependencyLocations);
    }

    /// <summary>
    /// What generated code meets when it uses the class: the class as written, its <c>InvokeAsync</c> methods and, for a
    /// middleware built with the message's attribute, its public constructors and their parameter types.
    /// </summary>
    private static EquatableArray<UsageMark> Usage(INamedTypeSymbol symbol, EquatableArray<ConstructorParameterSpec> constructor)
    {
        var marks = UsageMarkFactory.AsNamed(symbol).Concat(symbol.GetMembers("InvokeAsync").SelectMany(UsageMarkFactory.Own));
        if (constructor.Count > 0)
        {
            var constructors = symbol.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
            marks = marks.Concat(constructors.SelectMany(UsageMarkFactory.Own))
                .Concat(constructors.SelectMany(c => c.Parameters).SelectMany(p => UsageMarkFactory.AsNamed(p.Type)));
        }

        return marks.Distinct().ToEquatableArray();
    }

    /// <summary><c>[Middleware(Explicit = true)]</c>: applied only where <c>[UseMiddleware]</c> names it.</summary>
    public static bool IsExplicit(AttributeData? middlewareAttribute)
        => middlewareAttribute is not null && OrderingAttributeParser.Named(middlewareAttribute, "Explicit") is true;

    private static string? WhyUnsupported(INamedTypeSymbol symbol)
    {
        if (symbol.IsStatic)
        {
            return "it is static; middleware is an instance created by the container";
        }

        if (symbol.IsAbstract)
        {
            return "it is abstract; mark the concrete classes that derive from it instead";
        }

        return SymbolFacts.GenericContainerOrSelf(symbol.ContainingType) is { } container
            ? $"it is nested in the generic type '{container.Name}'; move it to a namespace or a non-generic class"
            : null;
    }

    /// <summary>
    /// The parameter and its constraints. A constraint that does not resolve was ruled out before
    /// (<see cref="NamesBrokenType"/>): counted as satisfied, it would put the middleware in every pipeline.
    /// </summary>
    private static TypeParameterSpec CreateTypeParameter(ITypeParameterSymbol parameter)
    {
        var flags = TypeParameterFlags.None;
        if (parameter.HasReferenceTypeConstraint)
        {
            flags |= TypeParameterFlags.ReferenceType;
        }

        if (parameter.HasValueTypeConstraint)
        {
            flags |= TypeParameterFlags.ValueType;
        }

        if (parameter.HasConstructorConstraint)
        {
            flags |= TypeParameterFlags.Constructor;
        }

        if (parameter.HasNotNullConstraint)
        {
            flags |= TypeParameterFlags.NotNull;
        }

        if (parameter.HasUnmanagedTypeConstraint)
        {
            flags |= TypeParameterFlags.Unmanaged;
        }

        var constraints = new List<TypeRef>();
        foreach (var constraint in parameter.ConstraintTypes)
        {
            TypeRefFactory.RequireMatchable(constraint);
            constraints.Add(TypeRefFactory.CreateNameable(constraint));
        }

        return new TypeParameterSpec(parameter.Name, flags, constraints.ToEquatableArray());
    }

    /// <summary>
    /// A type parameter is inferable when a contract names it, or when a constraint of an inferable parameter names it
    /// (it is then read off the message's supertypes).
    /// </summary>
    private static string? FirstUninferable(EquatableArray<TypeParameterSpec> parameters, List<MiddlewareContractSpec> contracts)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            CollectParameters(contract.Request, known);
            CollectParameters(contract.Response, known);
            if (contract.Exception is { } exception)
            {
                CollectParameters(exception, known);
            }
        }

        bool grew;
        do
        {
            grew = false;
            foreach (var parameter in parameters)
            {
                if (!known.Contains(parameter.Name))
                {
                    continue;
                }

                var before = known.Count;
                foreach (var constraint in parameter.ConstraintTypes)
                {
                    CollectParameters(constraint, known);
                }

                grew |= known.Count != before;
            }
        }
        while (grew);

        return parameters.Select(p => p.Name).FirstOrDefault(n => !known.Contains(n));
    }

    private static void CollectParameters(TypeRef type, HashSet<string> into)
    {
        if (type.Kind == TypeRefKind.TypeParameter)
        {
            into.Add(type.Name);
        }

        foreach (var argument in type.Arguments)
        {
            CollectParameters(argument, into);
        }
    }

    private static int ReadNamedInt(ImmutableArray<AttributeData> attributes, string name)
    {
        foreach (var attribute in attributes)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is int value)
                {
                    return value;
                }
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>IMiddleware&lt;,&gt;</c> serves requests and notifications unless the class reached it through
    /// <c>IRequestMiddleware&lt;,&gt;</c> (whose method is the <c>IMiddleware</c> one, so the narrower interface itself is
    /// skipped); <c>INotificationMiddleware&lt;&gt;</c> (a method of its own, returning a plain <c>ValueTask</c>) serves
    /// notifications; <c>IStreamMiddleware&lt;,&gt;</c> serves streams.
    /// </summary>
    private static ContractKind? ContractKindOf(INamedTypeSymbol contract, ImmutableArray<INamedTypeSymbol> all)
    {
        if (ProcessorContracts.KindOf(contract) is { } processor)
        {
            return processor;
        }

        if (KnownTypes.IsStreamMiddleware(contract))
        {
            return ContractKind.Stream;
        }

        if (KnownTypes.IsNotificationMiddleware(contract))
        {
            return ContractKind.Notification;
        }

        if (!KnownTypes.IsMiddleware(contract))
        {
            return null;
        }

        var comparer = SymbolEqualityComparer.Default;
        return all.Any(i => KnownTypes.IsRequestMiddleware(i)
            && comparer.Equals(i.TypeArguments[0], contract.TypeArguments[0])
            && comparer.Equals(i.TypeArguments[1], contract.TypeArguments[1]))
            ? ContractKind.Request
            : ContractKind.Any;
    }

    /// <summary>
    /// Message middleware names closed message types in all its contracts; group middleware constrains its message
    /// type parameter to a type marked <c>[MiddlewareGroup]</c> (or to a type deriving from one); the rest is global.
    /// </summary>
    private static (MiddlewareLevel Level, string? Group) Level(INamedTypeSymbol symbol, List<MiddlewareContractSpec> contracts)
    {
        if (contracts.All(c => c.Request.Kind != TypeRefKind.TypeParameter))
        {
            return (MiddlewareLevel.Message, null);
        }

        var messageParameters = new HashSet<string>(
            contracts.Where(c => c.Request.Kind == TypeRefKind.TypeParameter).Select(c => c.Request.Name),
            StringComparer.Ordinal);
        foreach (var parameter in symbol.TypeParameters.Where(p => messageParameters.Contains(p.Name)))
        {
            foreach (var constraint in parameter.ConstraintTypes.OfType<INamedTypeSymbol>())
            {
                if (GroupOf(constraint) is { } group)
                {
                    return (MiddlewareLevel.Group, TypeRefFactory.Display(group));
                }
            }
        }

        return (MiddlewareLevel.Global, null);
    }

    private static INamedTypeSymbol? GroupOf(INamedTypeSymbol constraint)
    {
        var candidates = new List<INamedTypeSymbol> { constraint };
        candidates.AddRange(constraint.AllInterfaces);
        for (var current = constraint.BaseType; current is not null; current = current.BaseType)
        {
            candidates.Add(current);
        }

        return candidates.FirstOrDefault(t => t.GetAttributes().Any(a => KnownTypes.IsMiddlewareGroupAttribute(a.AttributeClass)));
    }

    /// <summary>
    /// The middleware's contracts, the constraints of its type parameters or its constructor's parameters name a type
    /// the compiler rejects. Each would be copied into generated code: the closed type's arguments, the constraint
    /// planning checks, the parameters a per-message middleware is built with.
    /// </summary>
    private static bool NamesBrokenType(INamedTypeSymbol symbol)
        => symbol.AllInterfaces.Any(i => BrokenTypes.Contains(i) || (ContractKindOf(i, symbol.AllInterfaces) is not null && i.TypeArguments.Any(BrokenTypes.IsInvalidArgument)))
            || symbol.TypeParameters.Any(p => p.Name.Length == 0 || p.ConstraintTypes.Any(BrokenTypes.Contains))
            || symbol.InstanceConstructors.Any(c => c.Parameters.Any(p => BrokenTypes.Contains(p.Type)));

    private static MiddlewareDiscovery Failed(LocationInfo? location, params DiagnosticInfo[] diagnostics)
        => new(location, null, diagnostics.ToEquatableArray(), location);
}
