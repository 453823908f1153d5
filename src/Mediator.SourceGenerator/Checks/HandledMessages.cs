using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Parsing;

namespace Mediator.SourceGenerator.Checks;

/// <summary>
/// The requests and stream requests the composed mediator dispatches, and what routes a static type to one of them:
/// <list type="bullet">
/// <item>the type itself is handled, here or in a module;</item>
/// <item>one of its base classes or interfaces is handled here or in a module: the generic <c>Send</c> routes a subclass
/// to its nearest handled base, in this project or a module (docs/multi-project.md);</item>
/// <item>it is a base class of a handled type: the instance may be that subclass at run time.</item>
/// </list>
/// </summary>
internal sealed class HandledMessages
{
    private readonly Kind _requests = new();
    private readonly Kind _streams = new();

    public HandledMessages(ResolvedPipelines own, Composition composition)
    {
        foreach (var pipeline in own.Requests)
        {
            _requests.Add(pipeline.Message.Type.Erased.Display, pipeline.Message.Supertypes.Select(t => t.Erased.Display));
        }

        foreach (var pipeline in own.Streams)
        {
            _streams.Add(pipeline.Message.Type.Erased.Display, pipeline.Message.Supertypes.Select(t => t.Erased.Display));
        }

        foreach (var module in composition.Modules)
        {
            foreach (var message in module.Requests)
            {
                _requests.Add(message.Type, message.Supertypes);
            }

            foreach (var message in module.Streams)
            {
                _streams.Add(message.Type, message.Supertypes);
            }
        }
    }

    /// <summary>
    /// This project's pipelines are keyed by erased type (<see cref="CallSite.Argument"/>), a module's messages by the name
    /// its mediator's overloads give (<see cref="CallSite.ArgumentInModules"/>); both are looked up. The two agree except
    /// for tuple element names and nullable annotations, which only the erased key drops.
    /// </summary>
    public bool Handles(CallSite call)
    {
        var kind = call.Kind == CallSiteKind.Send ? _requests : _streams;
        return (call.Argument is { } key && kind.Handles(key, call.ArgumentSupertypes))
            || (call.ArgumentInModules is { } name && kind.Handles(name, EquatableArray<string>.Empty));
    }

    private sealed class Kind
    {
        private readonly HashSet<string> _handled = new(StringComparer.Ordinal);
        private readonly HashSet<string> _supertypesOfHandled = new(StringComparer.Ordinal);

        public void Add(string type, IEnumerable<string> supertypes)
        {
            _handled.Add(type);
            _supertypesOfHandled.UnionWith(supertypes);
        }

        public bool Handles(string message, EquatableArray<string> supertypes)
            => _handled.Contains(message)
                || _supertypesOfHandled.Contains(message)
                || supertypes.Any(_handled.Contains);
    }
}
