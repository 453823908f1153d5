namespace LoadHarness;

/// <summary>What a hand-written chain calls at its bottom: the handler, with the request, held in a struct.</summary>
public interface IHandWrittenInner<TResponse>
{
    ValueTask<TResponse> InvokeAsync();
}

/// <summary>
/// The limit every pipeline is measured against: layers written by hand as nested <c>async</c> methods, each awaiting
/// the next, the innermost awaiting the handler. Generic over a struct that carries the request and calls the handler,
/// so the JIT specializes it per message type and the same source file serves every project (ours, MediatR's and
/// martinothamar/Mediator's, which cannot share an assembly). Linked into the BenchmarkDotNet projects and the load
/// harnesses alike.
/// </summary>
public static class HandWrittenChain<TInner, TResponse>
    where TInner : struct, IHandWrittenInner<TResponse>
{
    public static ValueTask<TResponse> Run0(TInner inner) => inner.InvokeAsync();

    public static ValueTask<TResponse> Run1(TInner inner) => L11(inner);

    public static ValueTask<TResponse> Run5(TInner inner) => L7(inner);

    public static ValueTask<TResponse> Run11(TInner inner) => L1(inner);

    // L1 -> L11 -> handler: Run5 enters at L7, Run1 at L11.
    private static async ValueTask<TResponse> L1(TInner inner) => await L2(inner);

    private static async ValueTask<TResponse> L2(TInner inner) => await L3(inner);

    private static async ValueTask<TResponse> L3(TInner inner) => await L4(inner);

    private static async ValueTask<TResponse> L4(TInner inner) => await L5(inner);

    private static async ValueTask<TResponse> L5(TInner inner) => await L6(inner);

    private static async ValueTask<TResponse> L6(TInner inner) => await L7(inner);

    private static async ValueTask<TResponse> L7(TInner inner) => await L8(inner);

    private static async ValueTask<TResponse> L8(TInner inner) => await L9(inner);

    private static async ValueTask<TResponse> L9(TInner inner) => await L10(inner);

    private static async ValueTask<TResponse> L10(TInner inner) => await L11(inner);

    private static async ValueTask<TResponse> L11(TInner inner) => await inner.InvokeAsync();
}
