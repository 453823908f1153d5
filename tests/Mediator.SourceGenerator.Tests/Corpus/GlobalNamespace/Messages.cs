using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using M = Mediator;

// Everything here is in the global namespace.
public abstract class Query<TResult> : M.IRequest<TResult>
{
}

public sealed class ListNames : Query<List<string>>
{
    public int Take { get; set; } = 2;
}

public static class Commands
{
    public sealed class Rename : M.IRequest
    {
        public string To { get; set; } = "";
    }

    public sealed class Pair<TLeft, TRight>
    {
        public Pair(TLeft left, TRight right) { Left = left; Right = right; }

        public TLeft Left { get; }

        public TRight Right { get; }
    }

    public sealed class MakePair : M.IRequest<Pair<int, Dictionary<string, int[]>>>
    {
    }
}

public sealed class Names
{
    public List<string> All { get; } = new() { "ann", "bob", "cy" };
}

[M.Handler(Lifetime = M.ComponentLifetime.Scoped)]
public sealed class NameHandler : M.IRequestHandler<ListNames, List<string>>, M.IRequestHandler<Commands.Rename>
{
    private readonly Names _names;

    public NameHandler(Names names) => _names = names;

    public ValueTask<List<string>> Handle(ListNames request, CancellationToken cancellationToken)
        => new(_names.All.GetRange(0, request.Take));

    public ValueTask Handle(Commands.Rename request, CancellationToken cancellationToken)
    {
        _names.All[0] = request.To;
        return default;
    }
}

[global::Mediator.Handler]
internal sealed class PairHandler : global::Mediator.IRequestHandler<Commands.MakePair, Commands.Pair<int, Dictionary<string, int[]>>>
{
    public ValueTask<Commands.Pair<int, Dictionary<string, int[]>>> Handle(Commands.MakePair request, CancellationToken cancellationToken)
        => new(new Commands.Pair<int, Dictionary<string, int[]>>(1, new Dictionary<string, int[]> { ["k"] = new[] { 2, 3 } }));
}
