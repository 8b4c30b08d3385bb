/** 阅读: the red-stories reading corner. */
Component({
  data: {},
});
