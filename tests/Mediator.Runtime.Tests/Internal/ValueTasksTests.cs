using Mediator;
using Mediator.Internal;

namespace RuntimeTests;

public sealed class ValueTasksTests
{
    [Fact]
    public void Completed_tasks_convert_without_waiting()
    {
        Assert.True(ValueTasks.ToUnit(default).IsCompletedSuccessfully);
        Assert.True(ValueTasks.ToVoid(new ValueTask<Unit>(Unit.Value)).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Pending_tasks_convert_and_complete_later()
    {
        var source = new TaskCompletionSource();
        var unit = ValueTasks.ToUnit(new ValueTask(source.Task));
        Assert.False(unit.IsCompleted);

        source.SetResult();

        Assert.Equal(Unit.Value, await unit);
    }

    [Fact]
    public async Task Failures_keep_their_exception()
    {
        var failing = new ValueTask(Task.FromException(new TimeoutException("late")));
        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await ValueTasks.ToUnit(failing));
        Assert.Equal("late", error.Message);

        var source = new TaskCompletionSource<Unit>();
        var pending = ValueTasks.ToVoid(new ValueTask<Unit>(source.Task));
        source.SetException(new FormatException("bad"));
        await Assert.ThrowsAsync<FormatException>(async () => await pending);
    }

    [Fact]
    public void Unit_has_one_value()
    {
        Assert.Equal(Unit.Value, default);
        Assert.True(Unit.Value == new Unit());
        Assert.False(Unit.Value != default);
        Assert.Equal(0, Unit.Value.CompareTo(default));
        Assert.Equal("()", Unit.Value.ToString());
    }

    [Fact]
    public void HandlerNotFoundException_names_the_type_and_the_fix()
    {
        var error = new HandlerNotFoundException(typeof(Uri));

        Assert.Equal(typeof(Uri), error.MessageType);
        // As C# writes it, without the namespace (the exception's MessageType carries the type itself).
        Assert.Contains("'Uri'", error.Message);
        Assert.Contains("[Handler]", error.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(error);
    }
}
