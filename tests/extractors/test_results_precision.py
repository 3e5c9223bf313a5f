"""Results a researcher can trust: differences, tolerances, "respectively" lists, backbones and others' scores are not credited."""
from __future__ import annotations

import pytest

from extractors.results import find_results


def _found(sentence: str, entities=()) -> list[tuple]:
    return [(r.value, r.metric, r.benchmark, r.subject) for _, _, r in find_results(sentence, entities) if r.metric]


@pytest.mark.parametrize(
    "sentence",
    [
        "The method yields improvements of up to 0.8 points BLEU on WMT.",              # a gain without "by"
        "It shows an improvement in mIoU of 3 points on Cityscapes.",                  # a change named with its metric
        "Across settings, the greatest average difference is 1.2% accuracy.",          # a difference
        "The pruned networks remain within 2% accuracy points of the original networks.",  # a tolerance
        "Our method outperforms the baseline by, on average, 9.3% mean average precision.",
        "It improves recall by up to 11% for countries to 3% accuracy for cities.",    # "by a ... to b": both changes
        "The accuracy of existing approaches is almost 0% on this task.",              # another's score
        "Our model repairs 41% of programs, compared to 13% accuracy for a seq2seq model.",
        "The best variant gets 20.9 accuracy, far behind the 90.8 accuracy of humans.",
        "In contrast, the state-of-the-art attack method only achieves 18% attack success rate.",
        "It reaches 72.3% top-1 accuracy with 512 batch size.",                        # 72.3 kept, 512 not
    ],
)
def test_changes_and_others_scores_are_not_results(sentence):
    assert all(value != v for value, *_ in _found(sentence) for v in (0.8, 3.0, 1.2, 2.0, 9.3, 3.0, 0.0, 13.0, 90.8, 18.0, 512.0))


def test_a_respectively_list_gives_no_result():
    sentence = "The framework obtains F1 of 95.9% and 92.5% on PTB and CTB 5.1 respectively."
    assert _found(sentence) == []


def test_values_and_names_in_order_without_respectively_lose_the_benchmark():
    sentence = "Our method reaches mAP of 93.9% and 91.2% on VOC 2012 and Stanford-40."
    assert [(v, b) for v, _m, b, _s in _found(sentence)] == [(93.9, None), (91.2, None)]


def test_a_backbone_after_with_is_not_the_subject():
    sentence = "Our RICAP with WideResNet achieves a 2.19% error rate on CIFAR-10."
    s = sentence.index("RICAP")
    w = sentence.index("WideResNet")
    ents = [(s, s + 5, "Method"), (w, w + 10, "Model")]
    assert _found(sentence, ents) == [(2.19, "error rate", "CIFAR-10", None)]  # never the backbone; a doubtful actor is dropped
    assert _found("Trained with simple semi-supervised Learning, it reaches 85.2% mIoU.")[0][3] is None


def test_a_backbone_after_from_to_for_is_not_the_subject():
    assert _found("Accuracy is improved from 73.8% to 82.3% for ResNet-50.") == [(82.3, "Accuracy", None, None)]


def test_a_backbone_is_not_a_benchmark():
    assert _found("It achieves an ImageNet accuracy of 79.97% on ResNet-50.") == [(79.97, "accuracy", None, None)]


def test_a_margin_in_parentheses_is_not_a_score():
    sentence = "It gets top-1 accuracy of 64.7% on ImageNet, outperforming the existing method by a large margin (2.8%)."
    assert _found(sentence) == [(64.7, "top-1 accuracy", "ImageNet", None)]


def test_a_real_score_after_a_gain_is_kept():
    assert _found("Our system improves accuracy from 57% to 82% on Crosswords and obtains 99.9% letter accuracy.") == [
        (82.0, "accuracy", "Crosswords", None), (99.9, "accuracy", None, None)]
    assert _found("Continued pretraining offers improvements, with an average accuracy of 43.85%.") == [
        (43.85, "average accuracy", None, None)]


def test_a_list_of_improvements_stays_improvements_across_a_name_with_a_number():
    sentence = ("We show the efficacy of our approach, achieving improvements of 4.0 accuracy points on CIFAR-10, "
                "1.4 F1 points on the ACE relation extraction task, and 3.4 accuracy points on a medical dataset.")
    assert find_results(sentence) == []


def test_a_name_in_another_clause_is_not_the_actor():
    sentence = ("Regularization reduces a 20-layer Deep Residual Network (ResNet) to 18 layers while it improves "
                "the accuracy from 91.25% to 92.60%.")
    entities = [(sentence.index("ResNet"), sentence.index("ResNet") + 6, "Method")]
    found = find_results(sentence, entities)
    assert [r.value for _, _, r in found] == [92.6]
    assert found[0][2].subject is None


def test_a_share_of_another_models_performance_is_not_a_score():
    sentence = "On ImageNet, RPG achieves 96% of ResNet18's performance with only 18% of the parameters."
    assert [r.value for _, _, r in find_results(sentence)] == []


def test_an_operating_point_is_not_a_score():
    sentence = "At a high compression rate of 0.098 bpp, our system has an accuracy boost over the baseline."
    assert find_results(sentence) == []


def test_a_number_nothing_reports_as_a_score_is_not_a_result():
    sentence = "The requirements of a self-driving vehicle are real-time operation and nearly 100% accuracy."
    assert find_results(sentence) == []
    assert [r.value for _, _, r in find_results("The system reaches 97.5% accuracy on KITTI.")] == [97.5]


def test_a_range_and_an_operating_point_are_not_scores():
    assert find_results("The method is effective at writer independent recognition (5.2% to 31.1% error rate).") == []
    found = find_results("Nets typically achieved an error rate of 1.5% at a 10% reject rate.")
    assert [r.value for _, _, r in found] == [1.5]


def test_a_benchmark_after_a_comma_and_belongs_to_the_next_value():
    sentence = "With ChatGPT, accuracy on AQuA rises from 53.5% to 63.8%, and on Last Letter from 23.8% to 84.2%."
    entities = [(sentence.index("AQuA"), sentence.index("AQuA") + 4, "Benchmark"),
                (sentence.index("Last Letter"), sentence.index("Last Letter") + 11, "Benchmark")]
    found = {r.value: r.benchmark for _, _, r in find_results(sentence, entities)}
    assert found.get(63.8) != "Last Letter"


def test_a_name_modifying_a_task_noun_is_no_benchmark():
    found = find_results("We achieve a maximum of 46% exact match on API prediction.")
    assert [(r.value, r.benchmark) for _, _, r in found] == [(46.0, None)]


def test_gains_with_their_metric_in_brackets_are_not_scores():
    sentence = "Experiments show 6.1 points (Accuracy) and 7.7 points (F1-score) absolute gain compared to the best system."
    assert find_results(sentence) == []


def test_a_target_or_an_example_value_is_not_a_score():
    assert find_results("Thresholds are set to achieve a desired true positive rate (TPR), e.g., $95%$ TPR.") == []


def test_a_latex_percent_is_a_percent():
    found = find_results(r"FAC achieves an average success rate of 86\% after one hour.")
    assert [(r.value, r.unit) for _, _, r in found] == [(86.0, "%")]
    assert find_results(r"Our approach achieves a 10.35\% average return improvement over PPO.") == []


def test_latex_math_around_a_gain_keeps_it_a_gain():
    assert find_results(r"The method raises the accuracy of event recognition by over $10\%$.") == []


def test_a_metric_after_a_comma_names_the_next_value():
    sentence = "MCN achieves state-of-art performance on MSRA-TD500 with precision of 0.88, recall of 0.79 and F-score of 0.83."
    entities = [(sentence.index(w), sentence.index(w) + len(w), "Metric") for w in ("precision", "recall", "F-score")]
    found = {r.value: r.metric for _, _, r in find_results(sentence, entities)}
    assert found.get(0.88) == "precision" and found.get(0.79) == "recall"


def test_improvements_listed_over_a_hyphenated_metric_name_stay_improvements():
    sentence = ("Experiments demonstrate superior performance with improvements of up to 10.6% in F1-score on JRDB-PAR "
                "and 5.9% in Mean Per Class Accuracy on the NBA dataset.")
    assert find_results(sentence) == []


def test_relative_gains_joined_by_a_slash_and_a_resolution_are_not_scores():
    assert find_results("SyncDiff achieves a synchronization score 27.7%/62.3% relatively higher than previous methods.") == []
    assert find_results("We achieve near perfect reconstruction (>74 dB PSNR at 1024^2 resolution).") == []
