using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// What <see cref="Unit.Task"/> returns: an already completed task of <see cref="Unit.Value"/> that takes the task type the
/// code around it needs. MediatR's <c>Unit.Task</c> is a <c>Task&lt;Unit&gt;</c>; handlers here return
/// <c>ValueTask&lt;Unit&gt;</c>, to which a <c>Task&lt;Unit&gt;</c> does not convert, so one type converts to both (and to the
/// non-generic <c>ValueTask</c> and <c>Task</c> of a void handler) rather than make either form fail to compile.
/// </summary>
public readonly struct UnitTask
{
    // One completed Task<Unit> for every conversion to a Task: the same object MediatR would hand out on each use.
    private static readonly Task<Unit> Completed = System.Threading.Tasks.Task.FromResult(Unit.Value);

    /// <summary>Always true: the task has completed with <see cref="Unit.Value"/>.</summary>
    public bool IsCompleted => true;

    /// <summary>The result, <see cref="Unit.Value"/>.</summary>
    public Unit Result => Unit.Value;

    /// <summary>As a <c>ValueTask&lt;Unit&gt;</c> (allocates nothing).</summary>
    public ValueTask<Unit> AsValueTask() => default;

    /// <summary>As a <c>Task&lt;Unit&gt;</c>: one shared completed task.</summary>
    public Task<Unit> AsTask() => Completed;

    /// <summary>Lets <c>await Unit.Task</c> compile; completes at once.</summary>
    public ValueTaskAwaiter<Unit> GetAwaiter() => default(ValueTask<Unit>).GetAwaiter();

    /// <summary>Lets <c>await Unit.Task.ConfigureAwait(false)</c> compile; completes at once either way.</summary>
    /// <param name="continueOnCapturedContext">Ignored: nothing is waited for.</param>
    public ConfiguredValueTaskAwaitable<Unit> ConfigureAwait(bool continueOnCapturedContext) => default(ValueTask<Unit>).ConfigureAwait(continueOnCapturedContext);

    /// <summary>Converts to a completed <c>ValueTask&lt;Unit&gt;</c> (allocates nothing).</summary>
    /// <param name="task">The completed unit task.</param>
    public static implicit operator ValueTask<Unit>(UnitTask task) => default;

    /// <summary>Converts to the shared completed <c>Task&lt;Unit&gt;</c>.</summary>
    /// <param name="task">The completed unit task.</param>
    public static implicit operator Task<Unit>(UnitTask task) => Completed;

    /// <summary>Converts to a completed <c>ValueTask</c>, for a handler of a request with no answer.</summary>
    /// <param name="task">The completed unit task.</param>
    public static implicit operator ValueTask(UnitTask task) => default;

    /// <summary>Converts to a completed <c>Task</c>.</summary>
    /// <param name="task">The completed unit task.</param>
    public static implicit operator Task(UnitTask task) => Completed;
}
