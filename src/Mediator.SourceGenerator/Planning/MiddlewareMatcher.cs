using System;
using System.Collections.Generic;
using System.Linq;
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
    public static PipelineStep? Match(MiddlewareSpec middleware, MessageTypeSpec request, MessageTypeSpec response, MessageKind mode = MessageKind.Request)
    {
        foreach (var contract in middleware.Contracts)
        {
            if (!Serves(contract.Kind, mode))
            {
                continue;
            }

            var bindings = new Dictionary<string, TypeRef>(StringComparer.Ordinal);
            if (!Unify(contract.Request, request.Type, bindings) || !Unify(contract.Response, response.Type, bindings))
            {
                continue;
            }

            var known = new Dictionary<string, MessageTypeSpec>(StringComparer.Ordinal);
            foreach (var pair in bindings)
            {
                known[pair.Key] = SameType(pair.Value, request.Type) ? request : SameType(pair.Value, response.Type) ? response : null!;
            }

            if (!SatisfiesConstraints(middleware.TypeParameters, bindings, known))
            {
                continue;
            }

            var closed = middleware.TypeParameters.Count == 0
                ? middleware.OpenName
                : middleware.OpenName + "<" + string.Join(", ", middleware.TypeParameters.Select(p => bindings[p.Name].Display)) + ">";
            if (Arguments(middleware, request) is not { } arguments)
            {
                return null;
            }

            return new PipelineStep(
                closed,
                middleware.DisplayName,
                middleware.Order,
                contract.IsImplicit,
                middleware.Level,
                middleware.Group,
                middleware.Concern,
                middleware.FromAssemblyAttribute,
                arguments);
        }

        return null;
    }

    /// <summary>
    /// A per-message middleware's constructor arguments for this message, or null when it asks for an attribute the
    /// message (and its base classes) does not carry; empty for a middleware resolved from the container.
    /// </summary>
    private static EquatableArray<StepArgument>? Arguments(MiddlewareSpec middleware, MessageTypeSpec message)
    {
        if (middleware.Constructor.Count == 0)
        {
            return EquatableArray<StepArgument>.Empty;
        }

        var arguments = new List<StepArgument>();
        foreach (var parameter in middleware.Constructor)
        {
            if (!parameter.IsAttribute)
            {
                arguments.Add(new StepArgument(parameter.Source, parameter.Type, parameter.Fallback));
                continue;
            }

            var carried = message.Attributes.FirstOrDefault(a => a.Types.Contains(parameter.AttributeType));
            if (carried is null && parameter.Source == ParameterSource.Attribute)
            {
                return null;
            }

            arguments.Add(new StepArgument(parameter.Source, parameter.Type, carried?.Construction ?? "null"));
        }

        return arguments.ToEquatableArray();
    }

    private static bool Serves(ContractKind contract, MessageKind mode) => mode switch
    {
        MessageKind.Request => contract is ContractKind.Any or ContractKind.Request,
        MessageKind.Notification => contract is ContractKind.Any or ContractKind.Notification,
        _ => contract == ContractKind.Stream,
    };

    /// <summary>Binds type parameters in <paramref name="pattern"/> so that it equals <paramref name="actual"/>.</summary>
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

        if (pattern.Kind != actual.Kind || pattern.Name != actual.Name || pattern.Arguments.Count != actual.Arguments.Count)
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
    /// Checks constraints until every parameter is bound and checked. A parameter bound only through another's
    /// constraint (<c>where TRequest : IHas&lt;TKey&gt;</c>) is read off the bound parameter's supertypes.
    /// </summary>
    private static bool SatisfiesConstraints(
        EquatableArray<TypeParameterSpec> parameters,
        Dictionary<string, TypeRef> bindings,
        Dictionary<string, MessageTypeSpec> known)
    {
        var pending = parameters.ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(p => bindings.ContainsKey(p.Name));
            if (next is null)
            {
                return false;
            }

            pending.Remove(next);
            known.TryGetValue(next.Name, out var spec);
            if (!SatisfiesFlags(next.Flags, spec, bindings[next.Name]))
            {
                return false;
            }

            foreach (var constraint in next.ConstraintTypes)
            {
                if (!SatisfiesTypeConstraint(constraint, bindings[next.Name], spec, bindings))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool SatisfiesFlags(TypeParameterFlags flags, MessageTypeSpec? spec, TypeRef bound)
    {
        if (flags == TypeParameterFlags.None || flags == TypeParameterFlags.NotNull)
        {
            return true;
        }

        if (spec is null)
        {
            // Bound to a type planning knows only by name (read off a supertype); special constraints cannot be proven.
            return false;
        }

        if ((flags & TypeParameterFlags.Unmanaged) != 0 && !spec.IsUnmanaged)
        {
            return false;
        }

        if ((flags & TypeParameterFlags.ReferenceType) != 0 && !spec.IsReferenceType)
        {
            return false;
        }

        if ((flags & TypeParameterFlags.ValueType) != 0 && (!spec.IsValueType || bound.Name == "global::System.Nullable"))
        {
            return false;
        }

        return (flags & TypeParameterFlags.Constructor) == 0 || spec.HasPublicParameterlessConstructor;
    }

    private static bool SatisfiesTypeConstraint(
        TypeRef constraint,
        TypeRef bound,
        MessageTypeSpec? spec,
        Dictionary<string, TypeRef> bindings)
    {
        var supertypes = spec?.Supertypes.AsImmutableArray() ?? new[] { bound.Erased }.ToEquatableArray().AsImmutableArray();
        foreach (var supertype in supertypes)
        {
            var attempt = new Dictionary<string, TypeRef>(bindings, StringComparer.Ordinal);
            if (Unify(constraint.Erased, supertype, attempt))
            {
                foreach (var pair in attempt)
                {
                    bindings[pair.Key] = pair.Value;
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>Type identity as the runtime sees it: nullable reference annotations do not count.</summary>
    private static bool SameType(TypeRef left, TypeRef right) => left.Erased.Equals(right.Erased);
}
