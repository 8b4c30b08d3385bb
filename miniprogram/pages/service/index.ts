/** 办实事: workers' requests to their union organisation. */
Component({
  data: {},
});
