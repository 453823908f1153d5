using System.Collections;
using Mediator;

namespace Mediator.Abstractions.Tests;

/// <summary>What MediatR code touches on <c>Unit</c> compiles and behaves here (issue 19, item 4).</summary>
public sealed class UnitTests
{
    // The shapes MediatR handlers return Unit.Task from, before and after the Task -> ValueTask rewrite: each method body
    // is the line MediatR code has, so this file not compiling is the failure.
    private static ValueTask<Unit> RewrittenHandler() => Unit.Task;

    private static Task<Unit> UnrewrittenHandler() => Unit.Task;

    private static ValueTask VoidHandler() => Unit.Task;

    private static Task PlainTask() => Unit.Task;

    [Fact]
    public async Task Unit_Task_is_a_completed_task_of_the_one_value_in_every_task_type()
    {
        var valueTask = RewrittenHandler();
        Assert.True(valueTask.IsCompletedSuccessfully);
        Assert.Equal(Unit.Value, await valueTask);

        var task = UnrewrittenHandler();
        Assert.True(task.IsCompletedSuccessfully);
        Assert.Same(task, UnrewrittenHandler());
        Assert.Equal(Unit.Value, await task);

        Assert.True(VoidHandler().IsCompletedSuccessfully);
        Assert.True(PlainTask().IsCompletedSuccessfully);

        Assert.Equal(Unit.Value, await Unit.Task);
        Assert.Equal(Unit.Value, await Unit.Task.ConfigureAwait(false));
        Assert.Equal(Unit.Value, Unit.Task.Result);
        Assert.True(Unit.Task.IsCompleted);
        Assert.Same(UnrewrittenHandler(), Unit.Task.AsTask());
        Assert.True(Unit.Task.AsValueTask().IsCompletedSuccessfully);
    }

    [Fact]
    public void Unit_Task_to_a_value_task_allocates_nothing()
    {
        _ = RewrittenHandler();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = RewrittenHandler();
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(0, after - before);
    }

    [Fact]
    public void Unit_compares_as_IComparable_and_IComparable_of_Unit()
    {
        IComparable comparable = Unit.Value;
        Assert.Equal(0, comparable.CompareTo(new Unit()));
        Assert.Equal(1, comparable.CompareTo(null));
        Assert.Equal(0, Unit.Value.CompareTo((object)default(Unit)));
        Assert.Equal(0, Unit.Value.CompareTo(default(Unit)));
        var wrongType = Assert.Throws<ArgumentException>(() => Unit.Value.CompareTo("()"));
        Assert.Contains("System.String", wrongType.Message);

        // Non-generic sorting (ArrayList, Comparer.Default) goes through IComparable.
        var list = new ArrayList { Unit.Value, new Unit(), default(Unit) };
        list.Sort();
        Assert.Equal(3, list.Count);
        Assert.Equal(0, Comparer.Default.Compare(Unit.Value, new Unit()));
        Assert.Equal(0, Comparer<Unit>.Default.Compare(Unit.Value, new Unit()));
    }

    [Fact]
    public void Every_unit_is_the_one_value()
    {
        Assert.True(Unit.Value == new Unit());
        Assert.False(Unit.Value != default);
        Assert.True(Unit.Value.Equals((object)default(Unit)));
        Assert.False(Unit.Value.Equals((object)0));
        Assert.Equal(0, Unit.Value.GetHashCode());
        Assert.Equal("()", Unit.Value.ToString());
    }
}
