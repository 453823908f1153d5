using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Decides whether a middleware applies to a request, the way the C# compiler would check that the closed
/// middleware type is valid: unify its contract with the request and response, then check every constraint.
/// </summary>
internal static class MiddlewareMatcher
{
    /// <summary>
    /// The closed middleware type for this message (with its result: the response, <c>Unit</c> for notifications, the
    /// item type for streams), or null when the middleware does not apply in this mode.
    /// </summary>
    /// <param name="middleware">The middleware.</param>
    /// <param name="request">The message.</param>
    /// <param name="response">Its result.</param>
    /// <param name="mode">Send, Publish or CreateStream.</param>
    /// <param name="receiver">
    /// For a notification handler's own instance: the handler, whose class attributes configure the middleware before
    /// the notification's, and which a <c>HandlerIdentity</c> parameter receives. Null for a request, a stream, and the
    /// handler-side middleware every handler of a notification shares.
    /// </param>
    public static PipelineStep? Match(MiddlewareSpec middleware, MessageTypeSpec request, MessageTypeSpec response, MessageKind mode = MessageKind.Request, HandlerSpec? receiver = null)
        => Match(middleware, request, response, mode, receiver, out _);

    /// <summary>
    /// Why the middleware does not wrap this message in this mode, as a user reads it ("'App.Ping' does not satisfy
    /// the constraint 'TRequest : App.IAudited'"); null when it does.
    /// </summary>
    public static string? WhyNot(MiddlewareSpec middleware, MessageTypeSpec request, MessageTypeSpec response, MessageKind mode, HandlerSpec? receiver = null)
        => Match(middleware, request, response, mode, receiver, out var reason) is null ? reason : null;

    /// <summary>
    /// The marks a closed step carries: the middleware's, and those of what it is closed over (the message, the result,
    /// and types bound through their supertypes or attributes).
    /// </summary>
    private static EquatableArray<UsageMark> StepUsage(MiddlewareSpec middleware, MessageTypeSpec request, MessageTypeSpec response)
        => middleware.Usage.Concat(request.Usage).Concat(request.ReachableUsage).Concat(response.Usage).Concat(response.ReachableUsage)
            .Distinct()
            .ToEquatableArray();

    private static PipelineStep? Match(MiddlewareSpec middleware, MessageTypeSpec request, MessageTypeSpec response, MessageKind mode, HandlerSpec? receiver, out string reason)
    {
        string? firstFailure = null;
        foreach (var contract in middleware.Contracts)
        {
            if (!Serves(contract.Kind, mode))
            {
                continue;
            }

            var bindings = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
            if (!Unify(contract.Request, request.Type, bindings))
            {
                firstFailure ??= $"it is written for '{Show(contract.Request)}', not '{Show(request.Type)}'";
                continue;
            }

            if (!Unify(contract.Response, response.Type, bindings))
            {
                firstFailure ??= $"it is written for the result '{Show(contract.Response)}', and '{Show(request.Type)}' has the result '{Show(response.Type)}'";
                continue;
            }

            if (contract.Kind == ContractKind.Notification)
            {
                BindThroughTwoModeContract(middleware, request, response, bindings);
            }

            var known = new Dictionary<string, MessageTypeSpec>(StringComparer.Ordinal);
            foreach (var pair in bindings)
            {
                known[pair.Key] = SameType(pair.Value, request.Type) ? request : SameType(pair.Value, response.Type) ? response : null!;
            }

            if (!SatisfiesConstraints(middleware.TypeParameters, bindings, known, out var unsatisfied))
            {
                firstFailure ??= unsatisfied;
                continue;
            }

            var closed = middleware.TypeParameters.Count == 0
                ? middleware.OpenName
                : middleware.OpenName + "<" + string.Join(", ", middleware.TypeParameters.Select(p => bindings[p.Name].Display)) + ">";
            var carried = CarriedAttributes(request, receiver);
            if (Arguments(middleware, carried, receiver, bindings, out var byHandler) is not { } arguments)
            {
                var attribute = middleware.Constructor.First(p => p.Source == ParameterSource.Attribute && !carried.Any(a => a.Types.Contains(AttributeKey(p, bindings))));
                var carriers = receiver is null ? $"'{Show(request.Type)}' does not carry it" : $"neither '{Show(request.Type)}' nor '{Show(receiver.HandlerType)}' carries it";
                reason = $"its constructor takes [{Show(AttributeKey(attribute, bindings))}], and {carriers}";
                return null;
            }

            reason = string.Empty;

            return new PipelineStep(
                closed,
                middleware.DisplayName,
                middleware.Order,
                contract.IsImplicit,
                middleware.Level,
                middleware.Group,
                middleware.Concern,
                middleware.FromAssemblyAttribute,
                arguments,
                contract.Kind == ContractKind.Notification,
                StepUsage(middleware, request, response),
                byHandler,
                ContractKinds.RoleOf(contract.Kind),
                contract.Exception is null ? null : Close(contract.Exception, bindings).Display);
        }

        reason = firstFailure ?? mode switch
        {
            MessageKind.Request => "it implements neither IMiddleware<TMessage, TResult> nor IRequestMiddleware<TRequest, TResponse>, so it wraps no request",
            MessageKind.Notification => "it implements neither IMiddleware<TMessage, TResult> nor INotificationMiddleware<TNotification>, so it wraps no notification",
            _ => "it implements neither IStreamMiddleware<TRequest, TItem> nor IStreamPreProcessor<TRequest>, so it wraps no stream",
        };
        return null;
    }

    /// <summary>
    /// <c>Both&lt;TMessage, TResult&gt; : IMiddleware&lt;TMessage, TResult&gt;, INotificationMiddleware&lt;TMessage&gt;</c>: the
    /// notification contract names no <c>TResult</c>, so the class's <c>IMiddleware</c> contract for the same message
    /// (whose result is <c>Unit</c>) binds what it leaves open. Without one, an unbound parameter fails the constraint
    /// check as before.
    /// </summary>
    private static void BindThroughTwoModeContract(MiddlewareSpec middleware, MessageTypeSpec request, MessageTypeSpec response, Dictionary<string, TypeRef> bindings)
    {
        foreach (var other in middleware.Contracts)
        {
            if (other.Kind == ContractKind.Any && UnifyKeeping(bindings, other.Request, request.Type, other.Response, response.Type))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Unifies <paramref name="pattern"/> with <paramref name="actual"/> (and the second pair, when given) on a copy of
    /// <paramref name="bindings"/>, which takes the copy's bindings only when every pair unifies.
    /// </summary>
    private static bool UnifyKeeping(Dictionary<string, TypeRef> bindings, TypeRef pattern, TypeRef actual, TypeRef? secondPattern = null, TypeRef? secondActual = null)
    {
        var attempt = new Dictionary<string, TypeRef>(bindings, StringComparer.Ordinal);
        if (!Unify(pattern, actual, attempt) || (secondPattern is not null && !Unify(secondPattern, secondActual!, attempt)))
        {
            return false;
        }

        foreach (var pair in attempt)
        {
            bindings[pair.Key] = pair.Value;
        }

        return true;
    }

    /// <summary>
    /// <c>default(T)</c> for an optional service whose parameter says <c>= null</c>. On a reference type written without
    /// '?' (a nullable warning the user already has, or a file with nullable off) the generated code, which is
    /// <c>#nullable enable</c>, would warn again: the value is the user's choice, so the warning is suppressed.
    /// </summary>
    private static string DefaultOf(TypeRef type)
        => "default(" + type.Display + ")" + (type.IsNullableAnnotated || type.Nature == TypeNature.ValueType ? string.Empty : "!");

    private static string Show(TypeRef type) => Show(type.Display);

    private static string Show(string type) => DiagnosticText.Readable(type);

    /// <summary>
    /// A per-message middleware's constructor arguments for this message (and handler), or null when it asks for an
    /// attribute none of <paramref name="carried"/> is; empty for a middleware resolved from the container.
    /// <paramref name="byHandler"/> says whether an attribute came from the notification handler's class. Parameter
    /// types are closed with the middleware's bindings (<c>ILogger&lt;TRequest&gt;</c> becomes <c>ILogger&lt;App.Ping&gt;</c>).
    /// </summary>
    private static EquatableArray<StepArgument>? Arguments(
        MiddlewareSpec middleware,
        List<MessageAttributeSpec> carried,
        HandlerSpec? receiver,
        Dictionary<string, TypeRef> bindings,
        out bool byHandler)
    {
        byHandler = false;
        if (middleware.Constructor.Count == 0)
        {
            return EquatableArray<StepArgument>.Empty;
        }

        var arguments = new List<StepArgument>();
        foreach (var parameter in middleware.Constructor)
        {
            var type = Close(parameter.Type, bindings);
            if (parameter.Source == ParameterSource.Handler)
            {
                var identity = receiver is null ? "null" : "new global::Mediator.HandlerIdentity(typeof(" + receiver.HandlerType + "))";
                arguments.Add(new StepArgument(parameter.Source, type.Display, identity));
                continue;
            }

            if (!parameter.IsAttribute)
            {
                arguments.Add(new StepArgument(parameter.Source, type.Display, parameter.Fallback ?? (parameter.Source == ParameterSource.OptionalService ? DefaultOf(type) : null)));
                continue;
            }

            var attribute = carried.FirstOrDefault(a => a.Types.Contains(type.Erased.Display));
            if (attribute is null && parameter.Source == ParameterSource.Attribute)
            {
                return null;
            }

            byHandler |= attribute is not null && receiver is not null && receiver.Attributes.Contains(attribute);
            arguments.Add(new StepArgument(parameter.Source, type.Display, attribute?.Construction ?? "null"));
        }

        return arguments.ToEquatableArray();
    }

    /// <summary>
    /// The attributes a configured middleware may take, nearest first: a notification handler's own (its class and base
    /// classes), then the message's (its type and base classes). The first of the asked-for class wins.
    /// </summary>
    private static List<MessageAttributeSpec> CarriedAttributes(MessageTypeSpec message, HandlerSpec? receiver)
        => receiver is null ? message.Attributes.ToList() : receiver.Attributes.Concat(message.Attributes).ToList();

    /// <summary>The attribute class a constructor parameter asks for, as <see cref="MessageAttributeSpec.Types"/> names it.</summary>
    private static string AttributeKey(ConstructorParameterSpec parameter, Dictionary<string, TypeRef> bindings)
        => Close(parameter.Type, bindings).Erased.Display;

    /// <summary><paramref name="type"/> with every bound type parameter replaced by its binding.</summary>
    private static TypeRef Close(TypeRef type, Dictionary<string, TypeRef> bindings)
    {
        if (!type.IsOpen)
        {
            return type;
        }

        if (type.Kind == TypeRefKind.TypeParameter)
        {
            // T? over a reference type binding keeps its annotation; over a value type '?' would be Nullable<T>,
            // which the compiler already made a Nullable node, so only the reference annotation is carried here.
            return bindings.TryGetValue(type.Name, out var bound)
                ? (type.IsNullableAnnotated ? bound with { IsNullableAnnotated = true } : bound)
                : type;
        }

        return type with
        {
            Arguments = type.Arguments.Select(a => Close(a, bindings)).ToEquatableArray(),
            Container = type.Container is null ? null : Close(type.Container, bindings),
        };
    }

    private static bool Serves(ContractKind contract, MessageKind mode) => mode switch
    {
        MessageKind.Request => contract is ContractKind.Any or ContractKind.Request
            or ContractKind.RequestPreProcessor or ContractKind.RequestPostProcessor
            or ContractKind.RequestExceptionHandler or ContractKind.RequestExceptionAction,
        MessageKind.Notification => contract is ContractKind.Any or ContractKind.Notification,
        _ => contract is ContractKind.Stream or ContractKind.StreamPreProcessor,
    };

    /// <summary>
    /// Binds type parameters in <paramref name="pattern"/> so that it equals <paramref name="actual"/> up to identity
    /// conversion (annotations, tuple element names, <c>dynamic</c>/<c>object</c>): node by node, through type
    /// arguments, nullable value types (<c>TResponse?</c> against <c>int?</c>), tuple elements and arrays. The binding is
    /// the actual type as declared, so the closed middleware is written as the message's own types.
    /// </summary>
    private static bool Unify(TypeRef pattern, TypeRef actual, Dictionary<string, TypeRef> bindings)
    {
        if (pattern.Kind == TypeRefKind.TypeParameter)
        {
            if (bindings.TryGetValue(pattern.Name, out var bound))
            {
                return SameType(bound, actual);
            }

            bindings[pattern.Name] = actual;
            return true;
        }

        if (!SameOutermostType(pattern, actual))
        {
            return false;
        }

        for (var i = 0; i < pattern.Arguments.Count; i++)
        {
            if (!Unify(pattern.Arguments[i], actual.Arguments[i], bindings))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The same form at the top (the same generic or named type, the same array rank, a tuple of as many elements),
    /// type arguments and elements not compared: what <see cref="Unify"/> checks first. A nested type's containers hold
    /// no type parameter (parsing rejects that shape), so they compare as types.
    /// </summary>
    private static bool SameOutermostType(TypeRef pattern, TypeRef actual)
        => IdentityKind(pattern) == IdentityKind(actual)
            && IdentityName(pattern) == IdentityName(actual)
            && pattern.Rank == actual.Rank
            && pattern.Arguments.Count == actual.Arguments.Count
            && (pattern.Container is null ? actual.Container is null : actual.Container is not null && SameType(pattern.Container, actual.Container));

    /// <summary><c>dynamic</c> is <c>object</c> for matching, as for identity conversions.</summary>
    private static TypeRefKind IdentityKind(TypeRef type) => type.Kind == TypeRefKind.Dynamic ? TypeRefKind.Named : type.Kind;

    /// <summary>The name <see cref="TypeRef.Erased"/> would give the node, without erasing the whole tree.</summary>
    private static string IdentityName(TypeRef type)
        => type.Kind == TypeRefKind.Dynamic ? TypeRef.ObjectKeyword : TypeRefText.NativeIntegerIdentity(type.Name) ?? type.Name;

    /// <summary>
    /// Checks constraints until every parameter is bound and checked. A parameter bound only through another's
    /// constraint (<c>where TRequest : IHas&lt;TKey&gt;</c>) is read off the bound parameter's supertypes.
    /// </summary>
    /// <param name="parameters">The middleware's type parameters.</param>
    /// <param name="bindings">What unification bound so far; grows with parameters read off supertypes.</param>
    /// <param name="known">The specs of the bound message and result types, for special constraints.</param>
    /// <param name="unsatisfied">The first constraint that fails, as a user reads it.</param>
    private static bool SatisfiesConstraints(
        EquatableArray<TypeParameterSpec> parameters,
        Dictionary<string, TypeRef> bindings,
        Dictionary<string, MessageTypeSpec> known,
        out string unsatisfied)
    {
        var pending = parameters.ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(p => bindings.ContainsKey(p.Name));
            if (next is null)
            {
                unsatisfied = $"its type parameter '{pending[0].Name}' cannot be inferred from the message";
                return false;
            }

            pending.Remove(next);
            known.TryGetValue(next.Name, out var spec);
            var bound = bindings[next.Name];
            if (UnsatisfiedFlag(next.Flags, spec, bound) is { } flag)
            {
                unsatisfied = $"'{Show(bound)}' does not satisfy the constraint '{next.Name} : {flag}'";
                return false;
            }

            foreach (var constraint in next.ConstraintTypes)
            {
                if (!SatisfiesTypeConstraint(constraint, bound, spec, bindings))
                {
                    unsatisfied = $"'{Show(bound)}' does not satisfy the constraint '{next.Name} : {Show(constraint)}'";
                    return false;
                }
            }
        }

        unsatisfied = string.Empty;
        return true;
    }

    /// <summary>The special constraint (<c>class</c>, <c>struct</c>, <c>unmanaged</c>, <c>new()</c>) the bound type fails, or null.</summary>
    private static string? UnsatisfiedFlag(TypeParameterFlags flags, MessageTypeSpec? spec, TypeRef bound)
    {
        if (flags == TypeParameterFlags.None || flags == TypeParameterFlags.NotNull)
        {
            return null;
        }

        // Without a spec (a type bound inside another: TValue in TValue?, read off a supertype) 'class' and 'struct' are
        // judged by what the type's description records; 'unmanaged' and 'new()' cannot be proven. Nullable value types
        // satisfy neither 'struct' nor 'unmanaged' (which implies 'struct').
        if ((flags & TypeParameterFlags.Unmanaged) != 0 && (spec is null || !spec.IsUnmanaged || bound.Kind == TypeRefKind.Nullable))
        {
            return "unmanaged";
        }

        if ((flags & TypeParameterFlags.ReferenceType) != 0 && !(spec?.IsReferenceType ?? bound.Nature == TypeNature.ReferenceType))
        {
            return "class";
        }

        if ((flags & TypeParameterFlags.ValueType) != 0 && (!(spec?.IsValueType ?? bound.Nature == TypeNature.ValueType) || bound.Kind == TypeRefKind.Nullable))
        {
            return "struct";
        }

        return (flags & TypeParameterFlags.Constructor) != 0 && (spec is null || !spec.HasPublicParameterlessConstructor) ? "new()" : null;
    }

    private static bool SatisfiesTypeConstraint(
        TypeRef constraint,
        TypeRef bound,
        MessageTypeSpec? spec,
        Dictionary<string, TypeRef> bindings)
    {
        var supertypes = spec?.Supertypes.AsImmutableArray() ?? new[] { bound.Erased }.ToEquatableArray().AsImmutableArray();
        var pattern = constraint.Erased;
        foreach (var supertype in supertypes)
        {
            // Most supertypes differ from the constraint at the top (a request's int answer alone brings some thirty
            // interfaces): reject those before copying the bindings for an attempt.
            if (pattern.Kind != TypeRefKind.TypeParameter && !SameOutermostType(pattern, supertype))
            {
                continue;
            }

            if (UnifyKeeping(bindings, pattern, supertype))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Type identity as the runtime sees it: nullable reference annotations do not count.</summary>
    private static bool SameType(TypeRef left, TypeRef right) => left.Erased.Equals(right.Erased);
}
