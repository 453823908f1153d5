using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Mediator.Internal;

/// <summary>
/// Conversions between <see cref="ValueTask"/> and <see cref="ValueTask{Unit}"/> used by generated pipelines of
/// requests without an answer. Synchronously completed tasks convert without allocating.
/// Not meant to be called from user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueTasks
{
    /// <summary>Turns a handler's <see cref="ValueTask"/> into the <see cref="ValueTask{Unit}"/> the pipeline carries.</summary>
    /// <param name="task">The handler's task.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask<Unit> ToUnit(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            // Observe the result so that a pooled IValueTaskSource is released.
            task.GetAwaiter().GetResult();
            return default;
        }

        return AwaitToUnit(task);
    }

    /// <summary>Turns the pipeline's <see cref="ValueTask{Unit}"/> into the <see cref="ValueTask"/> <c>Send</c> returns.</summary>
    /// <param name="task">The pipeline's task.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask ToVoid(ValueTask<Unit> task)
    {
        if (task.IsCompletedSuccessfully)
        {
            _ = task.Result;
            return default;
        }

        return AwaitToVoid(task);
    }

    private static async ValueTask<Unit> AwaitToUnit(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return default;
    }

    private static async ValueTask AwaitToVoid(ValueTask<Unit> task) => await task.ConfigureAwait(false);
}
