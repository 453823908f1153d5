namespace LoadHarness;

/// <summary>
/// The seed's blocking and sleeping cases written by hand: five nested async methods, each doing the layer's work
/// and then awaiting the next. The ASGI-middleware end of the comparison for the cases that do work.
/// </summary>
public static class HandWrittenWorkChain<TInner, TResponse>
    where TInner : struct, IHandWrittenInner<TResponse>
{
    public static ValueTask<TResponse> Blocking5(TInner inner) => B1(inner);

    public static ValueTask<TResponse> Delay5(TInner inner, int milliseconds) => D1(inner, milliseconds);

    private static async ValueTask<TResponse> B1(TInner inner)
    {
        BlockingWork.Write(1);
        return await B2(inner);
    }

    private static async ValueTask<TResponse> B2(TInner inner)
    {
        BlockingWork.Write(2);
        return await B3(inner);
    }

    private static async ValueTask<TResponse> B3(TInner inner)
    {
        BlockingWork.Write(3);
        return await B4(inner);
    }

    private static async ValueTask<TResponse> B4(TInner inner)
    {
        BlockingWork.Write(4);
        return await B5(inner);
    }

    private static async ValueTask<TResponse> B5(TInner inner)
    {
        BlockingWork.Write(5);
        return await inner.InvokeAsync();
    }

    private static async ValueTask<TResponse> D1(TInner inner, int ms)
    {
        await Task.Delay(ms);
        return await D2(inner, ms);
    }

    private static async ValueTask<TResponse> D2(TInner inner, int ms)
    {
        await Task.Delay(ms);
        return await D3(inner, ms);
    }

    private static async ValueTask<TResponse> D3(TInner inner, int ms)
    {
        await Task.Delay(ms);
        return await D4(inner, ms);
    }

    private static async ValueTask<TResponse> D4(TInner inner, int ms)
    {
        await Task.Delay(ms);
        return await D5(inner, ms);
    }

    private static async ValueTask<TResponse> D5(TInner inner, int ms)
    {
        await Task.Delay(ms);
        return await inner.InvokeAsync();
    }
}
